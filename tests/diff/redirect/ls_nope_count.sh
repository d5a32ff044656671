ls /nope 2>&1 >/dev/null | wc -l | tr -d ' '
