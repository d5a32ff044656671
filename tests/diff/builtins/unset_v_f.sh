x=1; f() { echo f; }
unset -v x; echo "[$x]"; f; unset -f f; f 2>/dev/null; echo $?
y=1; y() { echo fy; }; unset y; echo "[$y]"; y
