#!/bin/sh
# env_safety.sh SHELL -- item 6: no function comes in from the environment;
# arithmetic never runs code from a variable's value; ENV is ignored by a
# non-interactive shell; IFS from the environment is ignored; here-document
# data goes to no named or world-readable file; the history file is 0600.
# Behaviour test: also run against dash (the history check is minish's).
sh=$1
. "$(dirname "$0")/lib.sh"

out=$(env "f=() { echo pwned; }" "BASH_FUNC_f%%=() { echo pwned; }" "BASH_FUNC_f()=() { echo pwned; }" \
      "$sh" -c 'f; echo st=$?' 2>/dev/null)
expect "$out" "st=127" "function import from the environment"

out=$("$sh" -c 'X='\''a[$(touch "$1/pwned")]'\''; echo $((X)); echo not-reached' sh "$tmp" 2>/dev/null)
st=$?
expect "$out:$st" ":2" "\$((X)) with code in X"
[ ! -e "$tmp/pwned" ] || fail "\$((X)) ran a command substitution from X's value"

echo 'echo FROM-ENV' > "$tmp/envfile"
expect "$(ENV="$tmp/envfile" "$sh" -c 'echo body')" "body" "ENV in a -c shell"
echo 'echo body' > "$tmp/s.sh"
expect "$(ENV="$tmp/envfile" "$sh" "$tmp/s.sh")" "body" "ENV in a script"

expect "$(IFS=x "$sh" -c 'v="axb c"; set -- $v; echo $#')" "2" "IFS from the environment"

# Here-documents: a large body (temporary file) must be unlinked and 0600;
# a small one is a pipe.  Look from inside the reading command.
big=$(printf '%08000d' 0)
out=$(TMPDIR=$tmp "$sh" -c 'cat <<E >/dev/null
$1
E
ls "$2" | grep -c heredoc
ls -lL /proc/self/fd/0 <<E
$1
E
' sh "$big" "$tmp" 2>&1)
expect "$(echo "$out" | head -1)" "0" "no here-document file left in TMPDIR"
case $(echo "$out" | sed -n 2p) in
    -rw-------*|pr*) ;;
    *) is_minish && fail "here-document file mode: $out";;
esac

# History file: created 0600 whatever the umask (minish only; needs a pty)
if is_minish && command -v python3 >/dev/null 2>&1; then
    HISTFILE=$tmp/hist python3 - "$sh" <<'PY' || fail "history session failed"
import os, pty, sys, time
os.umask(0o022)
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "-i", "--norc"])
os.write(fd, b"echo hi\n")
time.sleep(0.5)
os.write(fd, b"exit\n")
deadline = time.time() + 10
while time.time() < deadline:
    try:
        if not os.read(fd, 4096):
            break
    except OSError:
        break
_, st = os.waitpid(pid, 0)
sys.exit(0 if os.WIFEXITED(st) else 1)
PY
    [ -e "$tmp/hist" ] || fail "no history file written"
    expect "$(stat -c %a "$tmp/hist")" "600" "history file mode"
fi
pass
