echo $# $- | sed 's/[a-z]*//'
sh_pid=$$; ( [ $$ = $sh_pid ] && echo same )
sleep 0 & [ -n "$!" ] && echo bang
echo $0 | sed 's,.*/,,'
