set --
for x in "$@"; do echo never; done
echo "count: $#"
set -- "$@" added
echo "$@"
