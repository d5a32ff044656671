unset u
( : "${u:?}" ) 2>/dev/null
echo "status $?"
( e=; : "${e:?empty}" ) 2>/dev/null
echo "status $?"
