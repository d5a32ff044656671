s=ok
echo "${s?no} ${s:?no}"
