#!/bin/sh
# sigint_group.sh SHELL -- item 3: SIGINT to the foreground child only vs to
# the whole process group, in a non-interactive shell (`SHELL -c`), as dash
# does it.  Behaviour test: also run against dash.
#   - to the child only: the shell got nothing, so it goes on ("after").
#   - to the group (Ctrl-C at a terminal does this): the shell waits for
#     its child, then dies of SIGINT itself; "after" never runs.
# The interactive side (bash: Ctrl-C drops the rest of the line) is
# tests/pty/test_signals.py.
sh=$1
. "$(dirname "$0")/lib.sh"
need python3 python3
need ps procps

# launch SCRIPT: start "$sh -c SCRIPT" in the background, in a process group
# of its own, with SIGINT at its default (a job started with & by a script
# would inherit it ignored).  A python parent waits for it and writes
# $tmp/status ("exit N" or "signal N") and, at that same moment, a copy of
# what the shell and its children printed so far ($tmp/seen).
launch() {
    rm -f "$tmp/pid" "$tmp/status" "$tmp/seen"
    python3 -c '
import os, signal, sys
pidfile, statfile, outfile, seenfile = sys.argv[1:5]
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)
    for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGPIPE):
        signal.signal(s, signal.SIG_DFL)
    os.execvp(sys.argv[5], sys.argv[5:])
try:
    os.setpgid(pid, pid)
except OSError:
    pass                    # the child has exec`d: it did it itself
with open(pidfile + ".new", "w") as f:
    f.write(str(pid))
os.rename(pidfile + ".new", pidfile)
_, st = os.waitpid(pid, 0)
with open(outfile) as f:
    seen = f.read()
with open(seenfile, "w") as f:
    f.write(seen)
with open(statfile, "w") as f:
    if os.WIFSIGNALED(st):
        f.write("signal %d" % os.WTERMSIG(st))
    else:
        f.write("exit %d" % os.WEXITSTATUS(st))
' "$tmp/pid" "$tmp/status" "$tmp/out" "$tmp/seen" "$sh" -c "$1" >"$tmp/out" 2>&1 &
    launcher=$!
    i=0
    until [ -s "$tmp/pid" ]; do
        i=$((i + 1)); [ $i -lt 100 ] || fail "the shell did not start"
        sleep 0.05
    done
    pid=$(cat "$tmp/pid")
}

# child_of PID: the (first) child of PID, once it has one (5 s at most)
child_of() {
    i=0
    while :; do
        c=$(ps -o pid= --ppid "$1" | head -1 | tr -d ' ')
        [ -n "$c" ] && { echo "$c"; return 0; }
        i=$((i + 1)); [ $i -lt 100 ] || return 1
        sleep 0.05
    done
}

# finish: wait for the launcher, then clean up whatever is left in the group
finish() {
    wait "$launcher"
    kill -KILL -"$pid" 2>/dev/null
    status=$(cat "$tmp/status" 2>/dev/null)
    seen=$(cat "$tmp/seen" 2>/dev/null)
}

# -- 1. SIGINT to the foreground child only: the shell goes on
launch 'sleep 5; echo "after $?"'
kid=$(child_of "$pid") || fail "no child appeared"
kill -INT "$kid"
finish
expect "$seen" "after 130" "SIGINT to the child only: output"
expect "$status" "exit 0" "SIGINT to the child only: status"

# -- 2. SIGINT to the whole group: the shell dies of SIGINT, no "after"
launch 'sleep 5; echo after'
child_of "$pid" >/dev/null || fail "no child appeared"
kill -INT -"$pid"
finish
expect "$seen" "" "SIGINT to the group: output"
expect "$status" "signal 2" "SIGINT to the group: status"

# -- 3. the same, with a child that takes its time to clean up after SIGINT
#    and then exits 0: the shell waits for it (its output is there when the
#    shell ends), then still dies of SIGINT (dash; bash would go on)
child='trap "sleep 1; echo child-cleaned-up; exit 0" INT; sleep 9 & wait'
launch "sh -c '$child'; echo after"
kid=$(child_of "$pid") || fail "no child appeared"
child_of "$kid" >/dev/null || fail "no grandchild appeared"   # the trap is set
kill -INT -"$pid"
finish
expect "$seen" "child-cleaned-up" "SIGINT to the group, slow child: output"
expect "$status" "signal 2" "SIGINT to the group, slow child: status"

# -- 4. a trapped SIGINT: the trap runs after the child, the shell goes on
launch 'trap "echo trapped" INT; sleep 5; echo after'
child_of "$pid" >/dev/null || fail "no child appeared"
kill -INT -"$pid"
finish
expect "$seen" "trapped
after" "SIGINT to the group, trapped: output"
expect "$status" "exit 0" "SIGINT to the group, trapped: status"

# -- 5. a pipeline and a subshell as the foreground job: the same as 2
launch '(sleep 5; echo in-subshell) | cat; echo after'
child_of "$pid" >/dev/null || fail "no child appeared"
sleep 0.2
kill -INT -"$pid"
finish
expect "$seen" "" "SIGINT to the group, pipeline: output"
expect "$status" "signal 2" "SIGINT to the group, pipeline: status"

pass
