eval echo hello
cmd='x=5; echo $x'
eval "$cmd"
eval 'for i in 1 2; do echo $i; done'
