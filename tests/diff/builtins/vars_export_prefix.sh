export A=1; sh -c 'echo $A'
B=2; export B; env | grep '^B='
C=3 sh -c 'echo $C'; echo "[$C]"
D=4 :; echo "[$D]"
E=5 export F=6; echo "$E $F"
f() { echo "in:$G"; }; G=7 f; echo "out:[$G]"
H=8 true; echo "[$H]"
export -p | grep -c 'export A='
unset A; sh -c 'echo "[$A]"'
