# read from a regular file takes a block but must leave the offset just
# after its line: the next command reading the same descriptor goes on there.
long=$(printf '%0700d' 0)
printf 'first line\n%s end\nback\\\nslash\nrest 1\nrest 2\n' "$long" > in
{
	read a
	read b
	read c
	cat
} < in
echo "[$a] [${#b}] [$c]"
# the offset is shared with a child: it reads on from there
{ read a; head -n 1; read d; echo "[$a] [$d]"; } < in | cut -c1-20
# no newline at the end: the last line is still read, with status 1
printf 'x\ny' > nonl
{ read p; read q; echo "$? [$p] [$q]"; cat; } < nonl
# a large here-document (a temporary file) read a line at a time
i=0
while [ "$i" -lt 600 ]; do echo "line $i of the document"; i=$((i + 1)); done > doc
{ read h1; read h2; wc -l; } <<EOD
$(cat doc)
EOD
echo "[$h1] [$h2]"
