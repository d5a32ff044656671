x=42
cat <<EOF
x is $x
sum $((x + 1))
cmd $(echo sub)
escaped \$x and \\ backslash
EOF
