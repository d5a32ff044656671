export A=1 B=2
sh -c 'echo $A $B'
C=3; export C
sh -c 'echo $C'
