{ echo a; echo b; } > f
cat f
{ echo c; echo d; } >> f
wc -l < f | tr -d ' '
