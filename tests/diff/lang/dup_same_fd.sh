# n>&n duplicates nothing: a no-op even when n is closed.
exec 3>&-
: 3>&3; echo "st=$?"
echo out 3>&3; echo "st=$?"
{ echo grp; } 4>&4; echo "st=$?"
cat 5<&5 </dev/null; echo "st=$?"
exec 6>&6; echo "st=$?"
