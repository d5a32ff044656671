# A here-document delimiter is the word as written, quotes removed, nothing
# expanded: ${a} and $(...) in it are plain text.
a=EOT
cat <<${a}
here
${a}
echo after
cat <<"$(echo x)"
body $a
$(echo x)
cat <<E\$F
one $a
E$F
cat <<'q'"r"s\t
two $a
qrst
cat <<$a
three $a
$a
cat <<"a b"
four
a b
# unquoted, $( in a delimiter is a '$' and then a '(': a syntax error
(eval 'cat <<$(a)
here
$(a)') 2>/dev/null; echo "unquoted st=$?"
