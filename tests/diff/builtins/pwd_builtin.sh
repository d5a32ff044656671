cd /
pwd
cd /usr
pwd
echo $PWD
