# A quoted or escaped character inside [...] stays literal: no range from
# a quoted -, no negation from a quoted ! or ^.
for c in - b a z '!' x '^' 5 '"'; do
  r=
  case $c in [a\-z]) r="$r 1";; esac
  case $c in [\!a]) r="$r 2";; esac
  case $c in ["!"a]) r="$r 3";; esac
  case $c in [\^x]) r="$r 4";; esac
  case $c in [0"-"9]) r="$r 5";; esac
  case $c in ['!'x]) r="$r 6";; esac
  case $c in [!\!]) r="$r 7";; esac
  case $c in [a'-'z]) r="$r 8";; esac
  echo "$c:$r"
done
# the same rules for pathname expansion and ${x#pattern}
touch ./- ./b ./!
echo [a\-c] [\!x] ["!"] | tr ' ' '\n' | sort
x=-b; echo "${x#[a\-z]}" "${x#[\-]}"
rm ./- ./b ./!
# a quoted ':' does not make a character class
touch foo.- 'a:b'
echo *.[[:punct:]] *.[[:punct\:]] a\:* "a:"* a[\:]b
case : in [[:punct\:]]) echo class;; *) echo no-class;; esac
rm foo.- 'a:b'
