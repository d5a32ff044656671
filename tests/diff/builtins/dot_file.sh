echo 'sourced_var=yes; echo in-sourced' > lib.sh
. ./lib.sh
echo $sourced_var
