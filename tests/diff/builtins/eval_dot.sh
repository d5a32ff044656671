eval 'x=1; echo $x'; eval; echo $?
echo 'echo dot $1' > inc.sh; . ./inc.sh
set -- keep; . ./inc.sh; echo $1
echo 'return 4; echo no' > r.sh; . ./r.sh; echo $?
