mkdir g && cd g && touch b.txt a.txt c.log
echo *.txt
echo *
echo *.none
