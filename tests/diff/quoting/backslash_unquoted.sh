echo a\ b
echo \$x
echo \\
echo \'\"
echo a\
b
