sh -c 'echo out; echo err >&2' > /dev/null 2>&1
echo quiet
