echo $( (echo a; echo b) | wc -l)
echo $((echo x) )
