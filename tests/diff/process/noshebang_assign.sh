# A file without #! runs as a script in a fresh shell, with the environment
# the program would have had: its assignment prefixes too.
printf 'echo "BLAH=$BLAH"\n' > script
chmod +x script
BLAH=1 ./script
BLAH=2 ./script | cat
( BLAH=3 ./script )
x=$(BLAH=4 ./script); echo "$x"
echo "after: BLAH=${BLAH-unset}"
