echo $(echo $(echo $(echo deep)))
echo `echo \`echo back\``
echo "$(echo "a  b")" $(echo "a  b")
x=$(printf 'a\n\n\n'); echo "[$x]"
echo $(echo a; exit 3); echo $?
echo "$( case x in x) echo yes;; esac )"
echo $(echo ')')
