(exec nosuchcmd_xyz) 2>/dev/null
echo $?
