# A backslash-newline vanishes inside operators, names, ${...}, $( and $((,
# but not inside single quotes or a comment.
set -- one
echo ${\
1}
true &\
& echo andif
cat <\
<EOF2
heredoc
EOF2
case x in x) echo c ;\
; esac
v=val; val=VAL
echo $v\
x $va\
l "$va\
l"
echo $(\
echo cs) $(\
echo ar) $((\
1+2)) $(( 3 \
* 4 ))
echo 'sq\
kept'
# comment \
echo comment-not-continued
echo "dq\
joined" a\\
echo next
x=abc; echo ${x%\
c} ${#x}
