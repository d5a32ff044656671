# `VAR=x exec cmd` gives VAR to cmd, exported, even when VAR was not.
( FOO=4 exec env ) | grep '^FOO='
( BAR=5 exec sh -c 'echo "BAR=$BAR"' )
( unset BAZ; BAZ=6 exec env ) | grep -c '^BAZ=6$'
