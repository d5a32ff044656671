exec 3>f3; echo x >&3; exec 3>&-; cat f3
echo y >&3; echo $?
exec 4<f3; read l <&4; echo $l; exec 4<&-
exec >out; echo hidden; exec >/dev/tty 2>/dev/null || true
