x='a*b*c'
echo "${x#'a*'}"
echo "${x#a*}"
s='*'
echo "${x%"$s"c}"
