unset nope
echo "[$nope]" "[${nope}]"
