readonly RO=5
readonly -p | grep -c 'RO'
