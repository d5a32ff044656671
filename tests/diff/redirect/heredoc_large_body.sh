i=0; { echo 'cat <<EOF'; while [ $i -lt 3000 ]; do echo "line $i of the body"; i=$((i+1)); done; echo EOF; } > big.sh
. ./big.sh | wc -l
