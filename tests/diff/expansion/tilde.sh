HOME=/home/u; echo ~ ~/x "~" \~ ~nouserxyz a~ x=~
a=~:~/b; echo $a
echo ~root | sed 's,^/root$,ROOT,'
echo ${u:-~}
