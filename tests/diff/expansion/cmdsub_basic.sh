echo $(echo hi)
echo "$(echo hi there)"
x=$(echo assign)
echo $x
