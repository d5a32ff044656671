# A finished background job is reaped between any two commands, builtins
# included: `kill -0` stops succeeding once it is done (no zombie to find).
sleep 0.2 & p=$!
while kill -0 $p 2>/dev/null; do :; done
echo gone
# the same inside a subshell, whose own job it is
( sleep 0.2 & q=$!; while kill -0 $q 2>/dev/null; do :; done; echo gone in subshell )
# and for every stage of a background pipeline
sleep 0.1 | sleep 0.2 & r=$!
while kill -0 $r 2>/dev/null; do :; done
echo pipeline gone
wait
