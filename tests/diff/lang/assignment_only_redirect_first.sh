# With no command name the redirections are performed before the assignments.
x=$(echo err >&2; echo out) 2>/dev/null; echo $x
abc=def > /does/not/exist; echo "st=$? abc=$abc"
x=$(exit 3) >/dev/null; echo st=$?
(X=${x?bc} > walrus); echo st=$?; ls walrus && rm walrus
y=$(echo in-file) >out.txt; echo "y=$y"; cat out.txt; rm out.txt
