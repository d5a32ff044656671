unset u v; w=W
echo ${u:-${v:-${w}}}
echo "${u:-"${w}x"}"
echo ${u:-a\}b}
echo "${u:-a}b}"
echo ${u:-'}'}
echo "${w#"W"}" "${w#'W'}"
