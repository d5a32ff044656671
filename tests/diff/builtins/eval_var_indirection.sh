name=target
target=found
eval "echo \$$name"
eval "$name=changed"
echo $target
