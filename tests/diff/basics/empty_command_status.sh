false
$EMPTY_NOT_SET
echo $?
