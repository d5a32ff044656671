echo "a\$b" "a\`b" "a\\b" "a\"b" "a\nb" 'a\nb' a\ b "x
y"
echo "" '' x""y; set -- "" ''; echo $#
echo \a\b\\ "\a" '\'
echo "$(echo "inner "quoted"")"
x=1; echo "${x}" '${x}' "\${x}"
