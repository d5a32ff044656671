trap 'echo exit status $?' EXIT
false
