mkdir g && cd g && touch a b
x=*
echo "$x"
y="a  b"
z=$y
echo "$z"
