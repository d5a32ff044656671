# An alias text is read again as shell input: it may give a reserved word,
# or nothing at all (then the newline after it is a linebreak).
alias FI=fi RB='}' TH='then echo th;' D='do echo' E='' W=while
if true; then echo kw; FI
{ echo brace; RB
if true; TH fi
for i in 1 2; D "$i"; done
W false; do :; done; echo w
false
E
echo "st=$?"
{ E
echo in-group; }
if E
true; then echo cond; fi
true && E
echo after-and
echo piped | E
cat
