if false; then :; fi
echo $?
if true; then (exit 3); fi
echo $?
if (exit 4); then :; else echo "cond status $?"; fi
