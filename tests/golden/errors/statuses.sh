"$MINISH" -c 'nope_minish_test' 2>/dev/null; echo "not found: $?"
"$MINISH" -c '/etc/passwd' 2>/dev/null; echo "not executable: $?"
"$MINISH" -c 'kill -9 $$' 2>/dev/null; echo "killed: $?"
"$MINISH" -c 'sh -c "kill -TERM \$\$"; echo $?'
"$MINISH" -c 'exit 3'; echo "exit: $?"
"$MINISH" -c 'false'; echo "false: $?"
