#!/bin/sh
# depth_size.sh SHELL -- item 2: 10 000 nested ( ) { } $( $(( and ifs,
# eval/. recursion and infinite function recursion end with an error and a
# status, never a crash; a 1 MB line, a 100 000-line script and a 10 MB
# here-document work with memory proportional to the input.
# Behaviour checks run against dash too; dash's known crashes (it
# overflows its stack on eval/. recursion) are skipped for dash.
sh=$1
. "$(dirname "$0")/lib.sh"
need python3 python3    # generates the inputs

python3 - "$tmp" <<'PY'
import sys
d, n = sys.argv[1], 10000
cases = {
    "sub": "( " * n + "echo hi" + " )" * n,
    "group": "{ " * n + "echo hi;" + " }" * n,
    "cmdsub": "echo $(" * n + "echo hi" + ")" * n,
    "arith": "echo $((" + "(" * n + "1" + ")" * n + "))",
    "arithnest": "echo " + "$((" * n + "1" + "))" * n,
    "unary": "echo $((" + "-" * n + "1))",
    "if": "if true; then " * n + "echo hi" + "; fi" * n,
    "param": "echo ${x:-" * n + "y" + "}" * n,
}
for k, v in cases.items():
    open(f"{d}/{k}.sh", "w").write(v + "\n")
open(f"{d}/line.sh", "w").write("echo " + "x" * 1000000 + "\n")
with open(f"{d}/lines.sh", "w") as f:
    for i in range(100000):
        f.write("a=%d\n" % i)
    f.write("echo $a\n")
with open(f"{d}/heredoc.sh", "w") as f:
    f.write("cat <<EOF | wc -c\n" + ("y" * 99 + "\n") * 100000 + "EOF\n")
PY

# A crash is a status of 128+ (or a timeout); dash's own limits may make a
# case succeed where minish refuses: either outcome is fine, a crash is not.
cases="sub group cmdsub arith arithnest unary if param"
is_minish || cases="sub group arith arithnest unary if param"  # dash forks 10 000 nested $( and times out
for c in $cases; do
    timeout 60 "$sh" "$tmp/$c.sh" > "$tmp/out" 2> "$tmp/err"
    st=$?
    [ $st -lt 128 ] || fail "nesting '$c': status $st (crash or hang)"
    [ $st = 0 ] || [ $st = 2 ] || fail "nesting '$c': status $st"
    [ $st = 0 ] || [ -s "$tmp/err" ] || fail "nesting '$c': failed without a message"
done

# Infinite function recursion: status 2 and dash's limit.
timeout 60 "$sh" -c 'f() { f; }; f; echo not-reached' > "$tmp/out" 2> "$tmp/err"
st=$?
[ $st = 2 ] || fail "function recursion: status $st"
[ ! -s "$tmp/out" ] || fail "function recursion: the script went on"
if is_minish; then
    expect "$(cat "$tmp/err")" "minish: f: maximum function nesting depth (1000) exceeded" "recursion message"
    # eval and . recursion (dash itself overflows its stack here)
    echo ". $tmp/self.sh" > "$tmp/self.sh"
    for c in 's="eval \"\$s\""; eval "$s"' ". $tmp/self.sh"; do
        timeout 60 "$sh" -c "$c" 2> "$tmp/err"
        st=$?
        [ $st = 2 ] || fail "eval/. recursion '$c': status $st"
        grep -q 'maximum nesting depth' "$tmp/err" || fail "eval/. recursion: $(cat "$tmp/err")"
    done
fi

# Sizes: output right, peak memory (VmHWM via /usr/bin/time -f %M, KiB) at
# most 10 x the input + 16 MiB.
# A sanitizer build has its own memory overhead: only the outputs count there.
memcheck=yes
grep -q __asan_init "$(command -v "$sh")" 2>/dev/null && memcheck=no
measure() {    # measure SCRIPT EXPECTED-OUTPUT INPUT-KIB
    if [ -x /usr/bin/time ] && [ $memcheck = yes ]; then
        /usr/bin/time -f %M -o "$tmp/mem" timeout 60 "$sh" "$1" > "$tmp/out" || fail "$1: status $?"
        kib=$(tail -1 "$tmp/mem")
        [ "$kib" -le $(( $3 * 10 + 16384 )) ] || fail "$1: peak memory ${kib} KiB for $3 KiB of input"
    else
        timeout 60 "$sh" "$1" > "$tmp/out" || fail "$1: status $?"
    fi
    expect "$(wc -c < "$tmp/out" | tr -d ' '):$(tail -1 "$tmp/out" | tr -d ' ' | cut -c1-20)" "$2" "$1 output"
}
measure "$tmp/line.sh" 1000001:xxxxxxxxxxxxxxxxxxxx 977
measure "$tmp/lines.sh" 6:99999 1000
measure "$tmp/heredoc.sh" 9:10000000 9766
pass
