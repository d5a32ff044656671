exec 3> f
echo hello >&3
exec 3>&-
cat f
