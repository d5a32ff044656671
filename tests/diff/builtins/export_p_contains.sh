export EXPV=1
export -p | grep -c EXPV
