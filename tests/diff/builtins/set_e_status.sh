set -e
sh -c 'exit 7'
