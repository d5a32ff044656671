echo `echo '\$x'`
echo "`echo \"hi\"`"
echo `echo a\\\\b`
x=`printf 'a\nb\n'`; echo "$x"
