cd /tmp; echo $PWD; cd /; echo $OLDPWD $PWD
[ "$PPID" -gt 0 ] && echo ppid
echo $OPTIND
