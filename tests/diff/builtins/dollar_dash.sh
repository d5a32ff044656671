case $- in *e*) echo e;; *) echo noe;; esac
set -eu; case $- in *e*u*|*u*e*) echo eu;; esac; set +eu
set -f; case $- in *f*) echo f;; esac
