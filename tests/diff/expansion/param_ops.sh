unset u; e=; s=val
echo "[${u-d}] [${e-d}] [${s-d}] [${u:-d}] [${e:-d}] [${s:-d}]"
echo "[${u+a}] [${e+a}] [${s+a}] [${u:+a}] [${e:+a}] [${s:+a}]"
echo "[${u=x}] $u"; echo "[${e:=y}] $e"
echo ${#s} ${#u} ${#e}
f=/a/b/c.tar.gz
echo ${f%.*} ${f%%.*} ${f#*/} ${f##*/}
echo "${f%"."*}" ${f#"/a"} ${f%'.gz'} ${f##*"/"}
p='*'; echo ${f#$p} "${f#"$p"}"
echo ${f%[.]gz} ${f%.[a-z][a-z]}
x='a*b'; echo ${x%\*b} ${x#a\*}
echo ${s:-$(echo cmd)} ${u:-"two words"} ${u:-'$s'} ${u:-"$s x"}
set -- a b c; echo ${#} ${#@} ${#*}
