echo -n a; echo b
echo -e 'x\ty'
echo 'a\c' b; echo c
echo '\0101 \\ \n'
echo -- -n
echo -nn x; echo
