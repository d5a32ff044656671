i=0
while [ $i -lt 2000 ]; do echo "line $i"; i=$((i+1)); done > big
{ cat <<EOF
$(cat big)
EOF
} | wc -l | tr -d ' '
