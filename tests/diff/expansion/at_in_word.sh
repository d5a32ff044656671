set -- a b
for x in "pre$@post"; do echo "[$x]"; done
