(exit 4)
echo $?
(echo sub; exit)
echo $?
