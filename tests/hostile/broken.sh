#!/bin/sh
# broken.sh TEST SHELL -- run hostile test TEST against SHELL made wrong on
# purpose (SIGINT/SIGQUIT ignored at startup, see ignore_int.sh).  ctest
# expects this to FAIL (WILL_FAIL): it shows the test can fail.
here=$(cd "$(dirname "$0")" && pwd)
wrapper=$(mktemp "${TMPDIR:-/tmp}/minish-broken.XXXXXX") || exit 1
trap 'rm -f "$wrapper"' EXIT
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$here/ignore_int.sh" "$2" > "$wrapper"
chmod +x "$wrapper"
"$here/$1.sh" "$wrapper"
