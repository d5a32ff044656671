echo a | nosuchcmd_xyz 2>/dev/null | cat
echo $?
