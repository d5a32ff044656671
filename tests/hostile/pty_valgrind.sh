#!/bin/sh
# pty_valgrind.sh MINISH SUPPRESSIONS -- the interactive pty tests
# (tests/pty/run.py) with every minish they start running under Valgrind
# memcheck.  A wrapper execs valgrind in place (same pid, so the tests'
# process-group checks still hold), one log per process; the run fails on
# a memory error or a definite leak in any of them (or if valgrind or
# pexpect is missing: `make test` installs them).
minish=$1
supp=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null 2>&1 || { echo "FAIL: needs valgrind (apt-get install valgrind)"; exit 1; }
python3 -c 'import pexpect' 2>/dev/null || { echo "FAIL: needs python3-pexpect (apt-get install python3-pexpect)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/minish-vgpty.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cat > "$work/minish" <<W
#!/bin/sh
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite \\
    --child-silent-after-fork=yes --suppressions="$supp" \\
    --log-file="$work/vg.%p.log" "$minish" "\$@"
W
chmod +x "$work/minish"
# MINISH_UNDER_VALGRIND: Valgrind's execve discards the signals pending at
# that moment, and runs vfork as a plain fork (the parent does not wait for
# the exec), so a `kill $!` right after `&` can be lost under Valgrind only;
# the tests of that are not run here; they run in `pty`.
MINISH=$work/minish MINISH_UNDER_VALGRIND=1 python3 "$here/../pty/run.py"
status=$?
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]' "$work"/vg.*.log 2>/dev/null)
for f in $bad; do
    echo "== $f"
    cat "$f"
done
echo "valgrind logs: $(ls "$work"/vg.*.log 2>/dev/null | wc -l), with errors: $(echo $bad | wc -w)"
[ -z "$bad" ] || exit 1
exit $status
