trap 'echo bye' EXIT
trap 'echo usr1' USR1
kill -USR1 $$
trap 'echo t15' 15
kill -TERM $$
trap - USR1
trap
trap 'echo int' INT; trap '' HUP
trap | sort
echo end
