echo `echo back`
echo `echo \`echo inner\``
x=`printf '%s' quoted`
echo "$x"
