# set -a exports what local, read, getopts and readonly set; cd exports
# PWD and OLDPWD even when they did not come from the environment.
unset OLDPWD
cd /tmp && cd / && env | grep -E '^OLDPWD='
(
set -a
f() { local lx=v; env | grep '^lx='; }
f
echo r | { read ry; env | grep '^ry='; }
getopts a: opt -a val; env | grep -E '^(opt|OPTARG)=' | sort
readonly ro=1; env | grep '^ro='
)
f() { local nx=v; env | grep '^nx=' || echo not-exported; }
f
