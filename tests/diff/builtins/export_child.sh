export EXP1=value
sh -c 'echo $EXP1'
NOTEXP=hidden
sh -c 'echo "[$NOTEXP]"'
export NOTEXP
sh -c 'echo "[$NOTEXP]"'
