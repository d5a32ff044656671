case x in x) echo in-case;; esac > out
cat out
