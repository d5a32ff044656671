#!/bin/sh
# input_hygiene.sh SHELL -- item 5: NUL bytes and invalid UTF-8 in scripts
# and -c strings never crash or hang (a NUL byte is dropped, as dash drops
# it); a syntax error names the line and the token and ends a script with
# status 2; a script read from stdin stops at the error as dash's does; an
# interactive shell goes on.  Behaviour test: also run against dash.
sh=$1
. "$(dirname "$0")/lib.sh"

printf 'echo a\000b\necho c\000\n' > "$tmp/nul.sh"
out=$(timeout 10 "$sh" "$tmp/nul.sh" | od -An -c | tr -s ' ')
expect "$out" " a b \n c \n" "NUL bytes in a script"
printf 'echo \377\376 x\303\n\342\202 2>/dev/null\necho "\377"\n' > "$tmp/utf.sh"
timeout 10 "$sh" "$tmp/utf.sh" > "$tmp/out" 2>/dev/null
st=$?
[ $st != 124 ] && [ $st -lt 128 ] || fail "invalid UTF-8: status $st"
expect "$(od -An -c < "$tmp/out" | tr -s ' ')" " 377 376 x 303 \n 377 \n" "invalid UTF-8 passes through"
out=$(timeout 10 "$sh" -c "$(printf 'echo \377 ok')" | od -An -c | tr -s ' ')
expect "$out" " 377 o k \n" "invalid UTF-8 in -c"
# random bytes: any status but no crash or hang
i=0
while [ $i -lt 20 ]; do
    head -c 2000 /dev/urandom > "$tmp/rand.sh"
    (cd "$tmp" && timeout 10 "$sh" ./rand.sh > /dev/null 2>&1 < /dev/null)
    st=$?
    [ $st != 124 ] && [ $st -lt 128 ] || { cp "$tmp/rand.sh" "${TMPDIR:-/tmp}/minish-crash-rand.sh"; fail "random bytes: status $st (kept in ${TMPDIR:-/tmp}/minish-crash-rand.sh)"; }
    i=$((i + 1))
done

# syntax errors: line and token, status 2, later lines do not run
printf 'echo 1\n\nif then\necho 2\n' > "$tmp/se.sh"
out=$("$sh" "$tmp/se.sh" 2> "$tmp/err")
st=$?
expect "$out:$st" "1:2" "syntax error in a script"
grep -q '3' "$tmp/err" && grep -q 'then' "$tmp/err" || fail "message lacks line or token: $(cat "$tmp/err")"
out=$("$sh" < "$tmp/se.sh" 2> "$tmp/err")
expect "$out:$?" "1:2" "syntax error in a script read from stdin (as dash)"
out=$("$sh" -c 'echo 1; ( ; echo 3' 2> "$tmp/err")
expect "$out:$?" ":2" "syntax error in -c"
if is_minish; then
    expect "$(cat "$tmp/se.err" 2>/dev/null; "$sh" "$tmp/se.sh" 2>&1 >/dev/null)" \
        "minish: $tmp/se.sh: line 3: syntax error near 'then'" "message format"
    # interactive: report and go on
    out=$(printf 'echo 1\nif then\necho 2\n' | "$sh" -i 2>/dev/null)
    expect "$out" "1
2" "interactive shell continues after a syntax error"
fi
pass
