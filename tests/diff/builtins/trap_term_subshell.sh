( trap 'echo got TERM; exit 1' TERM; sh -c 'kill -TERM $PPID'; echo after-kill )
echo "status $?"
