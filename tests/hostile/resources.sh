#!/bin/sh
# resources.sh SHELL -- item 4: a 30-stage pipeline under `ulimit -n 20`;
# running out of descriptors is a clear error with no hang and no zombie;
# fork failure (EAGAIN under ulimit -u, as user nobody) is reported and the
# shell goes on; `echo x > /dev/full` fails with status 1; the shell works
# with stdin, stdout or stderr closed and never writes into its own script.
sh=$1
. "$(dirname "$0")/lib.sh"
shpath=$(command -v "$sh")
need bash bash          # for ulimit

# -- 30 stages under ulimit -n 20: pipe ends must be closed promptly
stages=$(i=0; while [ $i -lt 30 ]; do printf ' | cat'; i=$((i + 1)); done)
out=$(timeout 30 bash -c 'ulimit -n 20; exec "$0" -c "$1"' "$shpath" "echo through$stages")
expect "$out" "through" "30-stage pipeline under ulimit -n 20"

# -- descriptors run out: an error, the shell continues, nothing hangs
# (ulimit -n 10 and fds 3-9 taken: dash only knows one-digit fds)
fill='exec 3</dev/null 4</dev/null 5</dev/null 6</dev/null 7</dev/null 8</dev/null 9</dev/null'
out=$(timeout 30 bash -c 'ulimit -n 10; exec "$0" -c "$1"' "$shpath" \
      "$fill; echo x | cat; echo st=\$?; echo still-here; exec 8<&- 9<&-; ps -o stat= --ppid \$\$ | grep -c Z" 2> "$tmp/err")
st=$?
[ $st != 124 ] && [ $st -lt 128 ] || fail "out of descriptors: status $st (hang or crash)"
if is_minish; then     # dash gives up the script ("Pipe call failed"); minish goes on
    case $out in *"still-here"*) ;; *) fail "out of descriptors: shell did not continue: $out";; esac
    case $out in *"st=0"*) fail "out of descriptors: the pipeline succeeded?";; esac
    expect "$(echo "$out" | tail -1)" "0" "zombies after running out of descriptors"
    grep -q '^minish: pipe: Too many open files$' "$tmp/err" || fail "pipe error message: $(cat "$tmp/err")"
fi

# -- echo x > /dev/full: error, status 1
if [ -w /dev/full ]; then
    out=$("$sh" -c 'echo x > /dev/full; echo st=$?' 2> "$tmp/err")
    expect "$out" "st=1" "echo > /dev/full"
    [ -s "$tmp/err" ] || fail "echo > /dev/full: no message"
fi

# -- closed standard descriptors at startup; the script stays intact
cat > "$tmp/s.sh" <<'S'
echo out-line
echo err-line >&2
read x
cat <<E > "$1/hd"
$(printf '%05000d' 0)
E
echo done >> "$1/log"
S
cp "$tmp/s.sh" "$tmp/orig"
for c in '0<&-' '1>&-' '2>&-' '0<&- 1>&- 2>&-'; do
    rm -f "$tmp/log"
    eval "timeout 20 \"\$sh\" \"\$tmp/s.sh\" \"\$tmp\" $c" > /dev/null 2>&1 < /dev/null
    cmp -s "$tmp/s.sh" "$tmp/orig" || fail "with $c the shell wrote into its script"
    expect "$(cat "$tmp/log" 2>/dev/null)" "done" "script with $c"
done

# -- fork fails (ulimit -u 1 as nobody): reported, and the shell goes on.
# nobody runs a copy in a directory of mode 0755: the shell under test may
# sit in a clone nobody cannot reach (/root is 0700).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    chmod 755 "$tmp" && mkdir -m 755 "$tmp/bin" && cp "$shpath" "$tmp/bin/" || fail "copy $shpath"
    nshpath=$tmp/bin/$(basename "$shpath")
    chmod 755 "$nshpath"
    nobody="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
    (cd / && $nobody "$nshpath" -c :) || fail "user nobody cannot run $nshpath (is ${TMPDIR:-/tmp} reachable?)"
    out=$(cd / && timeout 30 $nobody \
          bash -c 'ulimit -u 1; exec "$0" -c "/bin/true; echo st=\$?; echo usable"' "$nshpath" 2> "$tmp/err")
    if is_minish; then
        expect "$out" "st=2
usable" "fork failure"
        grep -q '^minish: fork: Resource temporarily unavailable$' "$tmp/err" || fail "fork message: $(cat "$tmp/err")"
    else
        [ -s "$tmp/err" ] || fail "fork failure: no message"    # dash: "Cannot fork", then exits
    fi
    # in the middle of a pipeline (ulimit -u 3: two stages start, the third
    # cannot): the started stages are killed and reaped at once (no 60 s
    # wait, no zombie), no pipe end stays open, and the shell goes on
    if is_minish; then
        out=$(cd / && timeout 10 setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
              bash -c 'ulimit -u 3; exec "$0" -c "$1"' "$nshpath" '
                  fdlist() { now=; for f in /proc/$$/fd/*; do now="$now ${f##*/}"; done; }
                  fdlist; before=$now; sleep 60 | sleep 60 | cat; echo st=$?
                  fdlist; [ "$now" = "$before" ] && echo "no descriptor left"
                  ps -o stat=,comm= --ppid $$; echo usable' 2> "$tmp/err")
        expect "$out" "st=2
no descriptor left
R    ps
usable" "fork failure in the middle of a pipeline"
        grep -q '^minish: fork: Resource temporarily unavailable$' "$tmp/err" || fail "fork message: $(cat "$tmp/err")"
    fi
else
    echo "note: fork-failure check skipped (needs root, setpriv and a 'nobody' user)"
fi
pass
