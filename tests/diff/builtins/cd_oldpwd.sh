cd /usr
cd /tmp
echo $OLDPWD
cd - 
pwd
