set -x; for i in 1; do echo $i; done; case a in a) : ;; esac; f() { echo f; }; f; set +x
