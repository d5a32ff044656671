touch a; sleep 0.01; touch -d '2000-01-01' old
[ a -nt old ] && echo newer
[ old -ot a ] && echo older
[ a -ef a ] && echo same
