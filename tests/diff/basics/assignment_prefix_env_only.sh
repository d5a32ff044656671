unset y
y=val env | grep '^y='
echo "y=[$y]"
