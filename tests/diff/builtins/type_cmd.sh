type : true
alias ll=x; type ll; unalias ll
f() { :; }; type f
type if
command -V if
