self=$(readlink /proc/$$/exe)
env 'f=() { echo pwned; }' "$self" -c 'f 2>/dev/null; echo $?'
