mkdir d; touch f; ln -s f link; printf x > nonempty; : > empty; chmod +x f
[ -e f ] && echo e
[ -f f ] && echo f
[ -d d ] && echo d
[ -f d ] || echo not-f
[ -h link ] && echo h
[ -L link ] && echo L
[ -s nonempty ] && echo s
[ -s empty ] || echo not-s
[ -x f ] && echo x
[ -r f ] && echo r
[ -w f ] && echo w
[ -e missing ] || echo missing
