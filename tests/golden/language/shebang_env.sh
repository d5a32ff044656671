# `#!/usr/bin/env minish` finds minish on PATH; $0 and the arguments are set
self=$(readlink /proc/$$/exe)
PATH="${self%/*}:$PATH"
printf '#!/usr/bin/env minish\necho "script $# $1"\ncase $0 in *s.sh) echo named;; esac\n' > s.sh
chmod +x s.sh
./s.sh one two
rm -f s.sh
