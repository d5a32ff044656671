# set, alias, export -p, readonly -p and trap quote a value for re-input the
# way dash does: a run of quotes goes in double quotes, and no empty ''
# follows a final quote (found by the differential fuzzer).
for v in "'" "''" "'a" "a'" "a''b" "" "a'b'c" "'''" "plain"; do
    x=$v
    set | grep '^x='
    alias q="$v"
    alias q
    eval "y=$(alias q | sed 's/^q=//')"
    [ "$y" = "$v" ] && echo same
done
export x="it's'"
export -p | grep ' x='
readonly x
readonly -p | grep ' x='
trap "echo '" USR1
trap
