for i in 3 1 2; do echo $i; done | sort
printf 'a\nb\n' | while read -r l; do echo "<$l>"; done
