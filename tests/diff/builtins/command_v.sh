command -v echo
command -v cd
command -v nosuchcommand_xyz; echo $?
f() { :; }
command -v f
