for a in 1; do for b in 2; do for c in 3; do if true; then case x in x) { (echo $a$b$c); };; esac; fi; done; done; done
