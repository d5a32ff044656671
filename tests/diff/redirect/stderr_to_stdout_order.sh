sh -c 'echo out; echo err >&2' > f 2>&1
sort f
sh -c 'echo out; echo err >&2' 2>&1 > /dev/null
