HOME=/home/user
echo ~
echo ~/bin
echo a~
x=~/path
echo $x
