# Inside "${x#...}" the pattern is unquoted text, and so is the word of a
# ${y=word} nested in it: its backslashes quote and are removed (found by
# the differential fuzzer).
m=xyz b=B
: "${m%%${c:=\n$b\*}}"
printf '%s\n' "c=$c"
: "${m%${w=\*}}"
printf '%s\n' "w=$w"
: "${m#"${k=\*}"}"
printf '%s\n' "k=$k"
p='*'
printf '%s\n' "${m%$p}|${m%"$p"}|${m#"${q=x}"}"
m=a.b.c
printf '%s\n' "${m%.${r=*}}" "${m%%.${s=*}}" "$r$s"
