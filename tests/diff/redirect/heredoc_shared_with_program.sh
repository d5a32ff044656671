# A small here-document is a pipe, as in dash: `read` takes its line a
# byte at a time, and a program started in the loop reads on from there
# and takes what it reads (head reads a block and cannot give it back), so
# the loop ends after one round.  Over a file, head would give the rest
# back (lseek) and the loop would go on.
while read l; do echo "l=$l"; head -n 1; done <<END
1
2
3
4
END
{ read a; cat; } <<END
first
second
third
END
