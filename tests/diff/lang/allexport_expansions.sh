# set -a exports what ${v:=w} and $((n=1)) assign, as any other assignment
set -a
: ${u:=w} $((n=1)) $((k+=2))
env | grep -E "^(u|n|k)=" | sort
set +a
: ${later:=x}
env | grep -c "^later=" || echo "later not exported"
