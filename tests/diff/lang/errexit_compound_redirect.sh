# set -e: a failed redirection on a compound command ends the shell, unless
# the command is tested (if, ||).
(set -e; while read l; do :; done < missing; echo no); echo "st=$?"
(set -e; { echo in; } < missing; echo no); echo "st=$?"
(set -e; for i in 1; do echo in; done < missing; echo no); echo "st=$?"
(set -e; if { true; } < missing; then :; fi; echo yes); echo "st=$?"
(set -e; { true; } < missing || echo handled; echo yes); echo "st=$?"
alias grp='{ true; }'
(set -e; grp < missing; echo no); echo "st=$?"
({ echo in; } < missing; echo without-e); echo "st=$?"
