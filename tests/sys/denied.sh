#!/usr/bin/env bash
# denied.sh -- `fds` and `ptree` on a process the user may not read say so in
# one line, `minish: fds: 1: permission denied`, status 1: not a table of
# empty rows, not "no such process".
#
# Usage: denied.sh MINISH   (as root: the checks run as user nobody)
#
# nobody runs a copy of minish from a directory of mode 0755 (the build may
# sit where nobody cannot reach it, /root is 0700).  The target is pid 1,
# owned by root.  Its /proc/1/fd is closed to other users, so `fds 1` is
# denied; /proc/1/stat is public, so `ptree 1` works -- until /proc is
# mounted with hidepid=noaccess (in a private mount and pid namespace: there
# pid 1 is a root shell), where the directory is listed but not readable.
set -u
[ $# = 1 ] || { echo "usage: $0 MINISH" >&2; exit 2; }
minish=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1 || ! id nobody >/dev/null 2>&1; then
    echo "skipped: cannot switch to user nobody (needs root, setpriv and a 'nobody' user)"
    exit 77
fi
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" && cp "$minish" "$work/minish" && chmod 755 "$work/minish" || exit 2
nobody="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
cd / || exit 2
failed=0

# expect NAME WANT-STATUS WANT-STDERR WANT-STDOUT-PATTERN -- COMMAND...
expect() {
    local name=$1 want_st=$2 want_err=$3 want_out=$4
    shift 5
    local out err st
    out=$("$@" 2>"$work/err")
    st=$?
    err=$(cat "$work/err")
    if [ "$st" != "$want_st" ] || [ "$err" != "$want_err" ] \
        || ! printf '%s\n' "$out" | grep -Eq -- "$want_out"; then
        echo "FAIL $name: status $st (want $want_st)"
        echo "  stderr: $err"
        echo "  stderr wanted: $want_err"
        echo "  stdout: $(printf '%s' "$out" | head -3)"
        failed=1
    else
        echo "ok   $name"
    fi
}

$nobody "$work/minish" -c : || { echo "FAIL: user nobody cannot run $work/minish"; exit 1; }

expect 'fds 1 as nobody' 1 'minish: fds: 1: permission denied' '^$' -- \
    $nobody "$work/minish" -c 'fds 1'
expect 'fds of its own process as nobody' 0 '' '^FD +TARGET' -- \
    $nobody "$work/minish" -c 'fds $$'
expect 'ptree 1 as nobody: /proc/1/stat is public' 0 '' '^1 +0 ' -- \
    $nobody "$work/minish" -c 'ptree 1'

# hidepid=noaccess: only possible with a private /proc (unshare, CAP_SYS_ADMIN)
if unshare --mount --pid --fork --mount-proc true 2>/dev/null; then
    expect 'ptree 1 as nobody, /proc with hidepid=noaccess' 1 \
        'minish: ptree: 1: permission denied' '^$' -- \
        unshare --mount --pid --fork --mount-proc sh -c \
        "mount -o remount,hidepid=noaccess /proc && $nobody $work/minish -c 'ptree 1'"
    expect 'ptree of a pid that does not exist, same /proc' 1 \
        'minish: ptree: 999999: no such process' '^$' -- \
        unshare --mount --pid --fork --mount-proc sh -c \
        "mount -o remount,hidepid=noaccess /proc && $nobody $work/minish -c 'ptree 999999'"
else
    echo "note: ptree permission check skipped (unshare cannot make a private /proc here)"
fi
exit $failed
