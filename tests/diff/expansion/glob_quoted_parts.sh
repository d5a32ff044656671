mkdir g && cd g && touch 'a*b' axb
echo a*b
echo "a*"b
echo a\*b
