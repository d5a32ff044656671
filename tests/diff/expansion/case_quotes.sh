for v in 'a*' abc '?' x; do case $v in "a*") echo "lit $v";; a*) echo "glob $v";; \?) echo q;; [[:alpha:]]) echo class;; esac; done
case 'a\b' in 'a\b') echo bs;; esac
case '' in '') echo empty;; esac
