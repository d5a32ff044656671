(cd /; echo in a subshell)
pwd >/dev/null
