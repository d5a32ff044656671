# In an interactive shell an expansion or special-builtin error drops the
# rest of the command line (a script would exit); the next line runs.
"$MINISH" -i -c 'set -u; echo before; echo $x; echo after
echo line2' 2>/dev/null
echo "status=$?"
"$MINISH" -i -c 'set -u; echo before; echo $x; echo after' 2>/dev/null
echo "status=$?"
printf 'f() { echo in; echo ${u?boom}; echo no; }\nf; echo no2\necho next\n' | "$MINISH" -i 2>/dev/null
echo "status=$?"
