mkdir bin; echo 'echo found in path' > bin/incp; PATH="$PWD/bin:$PATH"; . incp
