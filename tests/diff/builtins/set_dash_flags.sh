set -f
case $- in *f*) echo has-f;; esac
set +f
case $- in *f*) echo has-f;; *) echo no-f;; esac
