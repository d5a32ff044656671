printf 'hello world\n' > in
read a b < in
echo "[$a] [$b]"
read a < in
echo "[$a]"
