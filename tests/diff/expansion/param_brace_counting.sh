x=; echo ${x:-{a}}
echo ${x:-{a}b}
echo ${x:-a}}
y=v; echo ${y:+{a}}
