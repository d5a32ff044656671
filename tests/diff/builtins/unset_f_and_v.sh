f() { echo func; }
f=var
unset -v f
f
unset -f f
f 2>/dev/null || echo gone
