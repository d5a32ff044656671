# A signal that arrives during a trap action has its own action run at the
# action's next command boundary (dash, bash, mksh, busybox ash).
me=$(readlink /proc/$$/exe)
"$me" -c "trap 'echo INT' INT; trap 'echo TERM; kill -INT \$\$; echo after-kill' TERM
          kill -TERM \$\$; echo end"
"$me" -c "trap 'echo INT' INT; trap 'kill -INT \$\$; exit' TERM
          (kill \$\$; exit 42); echo \"not reached \$?\""
echo "status $?"
"$me" -c "trap 'echo USR1 \$n; n=\$((n + 1)); [ \$n -lt 3 ] && kill -USR1 \$\$; echo end \$n' USR1
          n=0; kill -USR1 \$\$; echo done"
