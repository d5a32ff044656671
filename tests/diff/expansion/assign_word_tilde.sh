# The word of ${u=word} and ${u:=word} is not an assignment: only a leading
# '~' expands, up to the first '/', even when the expansion stands in an
# assignment (found by the differential fuzzer).
HOME=/home/someone
unset u v w z; echo ${u:=~:x} ${v:=~/a:~/b} ${w:=~} "$u $v $w"
unset u; x=${u:=~:y}; echo "$x $u"
unset u; x=a:${u:=~/b:~}; echo "$x $u"
unset u; x=~:${u-~:~}; echo "$x"
unset u; echo ${u:-~:x} ${u:-~/a:~/b}
