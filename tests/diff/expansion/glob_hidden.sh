mkdir g && cd g && touch .hidden visible
echo *
echo .*
