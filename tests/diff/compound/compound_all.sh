if false; then echo a; elif true; then echo b; else echo c; fi
i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done
until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i
for x in a b; do echo $x; done
set -- p q; for x; do echo $x; done
for x in; do echo no; done; echo s=$?
case abc in a*) echo 1;; *) echo 2;; esac
case x in (x) echo paren;; esac
case "*" in \*) echo star;; esac
case a in "*") echo bad;; a) echo good;; esac
x='[ab]'; case a in $x) echo pat;; esac; case a in "$x") echo bad;; *) echo lit;; esac
if true; then :; fi > /dev/null
while read l; do echo "got $l"; done <<E
1
2
E
{ echo x; echo y; } | wc -l
for i in 1 2 3; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done
for i in 1 2 3; do while :; do break 2; done; done; echo $i
