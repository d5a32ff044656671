echo hello > f
cat <> f
exec 3<> g
echo via3 >&3
exec 3>&-
cat g
