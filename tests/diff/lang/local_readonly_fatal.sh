# local NAME=value on a read-only NAME is an assignment error: the script
# ends with status 2 (local NAME alone is fine).
readonly r
g() { local r; echo "plain local st=$?"; }
g
f() { readonly y; local x=1 y=2; echo not-reached; }
f
echo not-reached-either
