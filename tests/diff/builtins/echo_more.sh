echo -n; echo -e; echo -E x; echo '\e' | od -An -c
echo 'a\0' | od -An -c
