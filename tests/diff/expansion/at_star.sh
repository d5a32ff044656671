set -- "a b" c "" d
for x in "$@"; do echo "[$x]"; done
for x in $@; do echo "<$x>"; done
for x in "$*"; do echo "{$x}"; done
IFS=:; echo "$*"; for x in $*; do echo "($x)"; done
IFS=; echo "$*"; for x in $*; do echo "%$x%"; done
unset IFS; echo "$*"
set --; for x in "$@"; do echo no; done; echo "[$*]" "[$@]"
