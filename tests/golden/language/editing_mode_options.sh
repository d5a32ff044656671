# set -o vi / set -o emacs: exactly one editing mode is on, and set +o
# prints them so that its output can be read back.
set -o | grep -E '^(vi|emacs) '
set -o vi
set -o | grep -E '^(vi|emacs) '
set +o | grep -E ' (vi|emacs)$'
set +o vi
set -o | grep -E '^(vi|emacs) '
set -o emacs
set +o emacs
set -o | grep -E '^(vi|emacs) '
