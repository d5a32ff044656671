x=outer
x=inner sh -c 'echo $x'
echo $x
