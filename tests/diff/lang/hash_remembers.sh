# hash lists remembered commands, remembers ones found in relative PATH
# entries, forgets them all on hash -r and on any assignment to PATH.
mkdir -p one two
printf 'echo two\n' > two/mycmd; chmod +x two/mycmd
PATH="one:two:$PATH"
mycmd
hash
printf 'echo one\n' > one/mycmd; chmod +x one/mycmd
mycmd
hash -r
hash; echo "empty st=$?"
mycmd
PATH=$PATH
hash; echo "after PATH= st=$?"
hash ls; echo "st=$?"
hash | grep -c '/ls$'
hash no_such_command_x 2>/dev/null; echo "missing st=$?"
rm -r one two
