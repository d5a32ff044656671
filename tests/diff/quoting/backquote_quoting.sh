echo `echo 'a b'`
echo "`echo "x y"`"
echo `echo \$HOME | tr A-Z a-z` > /dev/null; echo ok
