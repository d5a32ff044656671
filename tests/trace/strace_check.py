#!/usr/bin/env python3
"""strace_check.py MINISH -- the narration against the kernel's own account.

For each command below and each spawn strategy (set -o spawn=fork, vfork,
posix_spawn, auto), run minish under `strace -f -e trace=process,desc`:

  * once with --trace-file: every process and descriptor call of the shell's
    seam (fork/vfork/clone3, execve, open, pipe2, dup2, close, fcntl, wait4,
    kill, setpgid, tcsetpgrp) that strace saw the shell and its children make
    -- a child up to its execve -- must be in the JSONL trace, under the same
    pid, in the same order, with the same arguments that matter and the same
    result; and the trace may show nothing else;
  * once without any trace: the processes and their calls (names, in order)
    must be the same as with the trace: the trace never changes what runs.

The one thing the shell cannot see, it must say so: a posix_spawn whose child
failed (the trace says `clone3(...) = ?` and `posix_spawn(...) = ERR`); the
calls of that child and glibc's wait4 for it are then not expected.
Exit status 0 if all agree; each disagreement is printed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MINISH = os.path.abspath(sys.argv[1])
MODES = ("fork", "vfork", "posix_spawn", "auto")
COMMANDS = [
    ("simple, exec in place", "ls /dev/null"),
    ("simple", "ls /dev/null; true"),
    ("pipeline", "echo hi | tr a-z A-Z | cat; true"),
    ("stdout then stderr", "ls /nope >f 2>&1; true"),
    ("stderr then stdout", "ls /nope 2>&1 >f; true"),
    ("append and input", "echo a >>f; cat <f >/dev/null; true"),
    ("here-document", "cat <<EOF\nhello\nEOF\ntrue"),
    ("subshell", "(cd /; ls >/dev/null); true"),
    ("$( builtin )", "x=$(echo hi); echo \"$x\""),
    ("$( program )", "x=$(ls /dev/null); echo \"$x\""),
    ("background job", "sleep 0 & wait"),
    ("exec 3>f", "exec 3>f; echo hi >&3; true"),
    ("failed exec, path", "/nonexistent/x; true"),
    ("failed exec, not found", "nosuchprogram; true"),
    # wait (builtins only) until the job has exec'd, so that the kill never
    # lands between a call and its trace line; the loop's length varies
    ("kill", "sleep 5 & until read -r c </proc/$!/comm && [ \"$c\" = sleep ]; do :; done; "
             "kill -TERM $!; kill -0 $$; wait"),
]
RACY_SHAPE = {"kill"}
SEAM = {"fork", "vfork", "clone3", "execve", "open", "pipe2", "dup2", "close", "fcntl",
        "wait4", "kill", "setpgid", "tcsetpgrp"}
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


# ---- strace's account -----------------------------------------------------------------

LINE = re.compile(r"^(\d+) +(.*)$")
CALL = re.compile(r"^(\w+)\((.*)\) += (-?\d+|\?)(?: (E\w+))?")


def strace_calls(path):
    """{pid: [(call, args, result, errno)]} in order, and the first pid."""
    pending, calls, first = {}, {}, None
    for raw in open(path):
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        pid, text = int(m.group(1)), m.group(2)
        first = first or pid
        if text.startswith("---") or text.startswith("+++"):
            continue
        if text.endswith("<unfinished ...>"):
            pending[pid] = text[: -len("<unfinished ...>")].rstrip()
            continue
        r = re.match(r"^<\.\.\. (\w+) resumed>(.*)$", text)
        if r:
            text = pending.pop(pid, r.group(1) + "(") + r.group(2)
        c = CALL.match(text)
        if c:
            calls.setdefault(pid, []).append((c.group(1), c.group(2), c.group(3), c.group(4)))
    return calls, first


def canon_strace(call, args, result, err):
    """The seam call strace saw, as (name, key), or None for the others."""
    a = [x.strip() for x in args.split(",")]
    if call == "clone":
        return None if "CLONE_VM" in args or "SIGCHLD" not in args else ("fork", result)
    if call in ("vfork", "clone3"):
        return (call, result)
    if call == "execve":
        path = re.match(r'"([^"]*)"', args).group(1)
        return ("execve", path, result, err)
    if call == "openat":
        return ("open", re.search(r'"([^"]*)"', args).group(1), result, err)
    if call in ("dup2", "dup3"):
        return ("dup2", a[0], a[1], result, err)
    if call == "close":
        return ("close", a[0], result, err)
    if call == "pipe2":
        return ("pipe2", re.match(r"\[(\d+), (\d+)\]", args).groups(), result)
    if call == "fcntl":
        if a[1] not in ("F_DUPFD_CLOEXEC", "F_SETFD", "F_DUPFD"):
            return None
        return ("fcntl", a[0], a[1], result, err)
    if call == "wait4":
        opts = a[2] if "WIF" not in args else args.split("]")[-1].split(",")[1].strip()
        opts = a[-2] if len(a) >= 4 else opts
        return ("wait4", a[0], opts.replace("WSTOPPED", "WUNTRACED"), result, err)
    if call == "kill":
        return ("kill", a[0], a[1], result, err)
    if call == "setpgid":
        return ("setpgid", a[0], a[1], result, err)
    if call == "ioctl" and "TIOCSPGRP" in args:
        return ("tcsetpgrp", a[0], result, err)
    return None


# ---- the trace's account --------------------------------------------------------------

def canon_trace(ev):
    call, args = ev["call"], ev["args"] or ""
    res = "?" if ev["detail"] == "?" else str(ev["result"])
    err = ev["errno"]
    a = [x.strip() for x in args.split(",")]
    if call in ("fork", "vfork", "clone3"):
        return (call, res)
    if call == "execve":
        return ("execve", re.match(r'"([^"]*)"', args).group(1), res, err)
    if call == "open":
        return ("open", re.match(r'"([^"]*)"', args).group(1), res, err)
    if call == "dup2":
        return ("dup2", a[0], a[1], res, err)
    if call == "close":
        return ("close", a[0], res, err)
    if call == "pipe2":
        return ("pipe2", re.match(r"\[(\d+), (\d+)\]", args).groups(), res)
    if call == "fcntl":
        return ("fcntl", a[0], a[1], res, err)
    if call == "wait4":
        return ("wait4", a[0], a[1] if a[1] != "0" else "0", res, err)
    if call == "kill":
        return ("kill", a[0], a[1], res, err)
    if call == "setpgid":
        return ("setpgid", a[0], a[1], res, err)
    if call == "tcsetpgrp":
        return ("tcsetpgrp", a[0], res, err)
    return None


def trace_calls(path):
    """{pid: [canonical call]} from the JSONL file, and the unseen children."""
    out, unseen = {}, []
    events = [json.loads(l) for l in open(path)]
    for i, ev in enumerate(events):
        if ev["call"] in ("fork", "vfork", "clone3") and ev["detail"] == "(child)":
            continue                    # the child's side of the same call
        if ev["call"] == "execve" and ev["result"] is None:
            nxt = next((e for e in events[i + 1:] if e["pid"] == ev["pid"]), None)
            if nxt is not None and nxt["call"] == "execve" and nxt["result"] is not None:
                continue                # the failed exec's result line follows
            ev = dict(ev, result=0)
        if ev["call"] == "posix_spawn":
            unseen.append(ev["pid"])    # glibc reaped a child the shell never saw
            out.setdefault(ev["pid"], []).append(("posix_spawn-reap",))
            continue
        c = canon_trace(ev)
        if c is not None:
            out.setdefault(ev["pid"], []).append(c)
    return out, unseen


# ---- comparing ------------------------------------------------------------------------

def seam_of(calls, shell, jsonl_name):
    """{pid: [canonical]}: the shell's after the trace sink's own setup, each
    child's up to its successful execve; plus the pids a failed posix_spawn made."""
    out, failed_spawn = {}, set()
    for pid, lst in calls.items():
        seq = []
        for (call, args, result, err) in lst:
            c = canon_strace(call, args, result, err)
            if c is None:
                continue
            seq.append(c)
            if c[0] == "execve" and c[2] == "0" and (pid != shell or seq[:-1]):
                break   # the program's own calls are not the shell's
        out[pid] = seq
    seq = out.get(shell, [])
    if jsonl_name is not None:
        for i, c in enumerate(seq):
            if c[0] == "open" and c[1] == jsonl_name:
                seq = seq[i + 3:]       # open, fcntl(F_DUPFD_CLOEXEC), close: the sink's own
                break
    else:
        # untraced: the same starting point, the first call after startup
        seq = [c for c in seq]
    out[shell] = seq
    return out


def compare(label, strace_seq, trace_seq, unseen_parents):
    ok = True
    for pid in sorted(set(strace_seq) | set(trace_seq)):
        s = list(strace_seq.get(pid, []))
        t = list(trace_seq.get(pid, []))
        if pid in unseen_parents or "posix_spawn-reap" in [x[0] for x in t]:
            # a failed posix_spawn: clone3 = ?, then glibc's wait4(child, NULL, 0)
            fixed = []
            i = 0
            while i < len(s):
                c = s[i]
                if c[0] == "clone3" and i + 1 < len(s) and s[i + 1][0] == "wait4" \
                        and s[i + 1][1] == c[1]:
                    fixed += [("clone3", "?"), ("posix_spawn-reap",)]
                    unseen.add(int(c[1]))
                    i += 2
                    continue
                fixed.append(c)
                i += 1
            s = fixed
        if pid in unseen and not t:
            continue
        if s != t:
            ok = False
            fail(f"{label}: pid {pid}:\n   strace: {s}\n   trace:  {t}")
    return ok


def shape(calls, shell, jsonl_name=None):
    """The processes (numbered by birth) and the names of their seam calls;
    with JSONL_NAME, without the trace sink's own open, fcntl and close."""
    names, order, out = {shell: "P0"}, [shell], []
    seq = seam_of(calls, shell, None)
    own = seq.get(shell, [])
    for i, c in enumerate(own):
        if jsonl_name is not None and c[0] == "open" and c[1] == jsonl_name:
            seq[shell] = own[:i] + own[i + 3:]
            break
    for pid in order:
        for c in seq.get(pid, []):
            if c[0] in ("fork", "vfork", "clone3") and c[1] not in ("?", "-1"):
                child = int(c[1])
                if child not in names:
                    names[child] = f"P{len(names)}"
                    order.append(child)
        calls_ = [c[0] for c in seq.get(pid, [])
                  if not (c[0] == "wait4" and c[-1] == "ECHILD")]
        if pid == shell:   # from the first command on: startup differs (the sink)
            first = next((i for i, c in enumerate(seq.get(pid, [])) if c[0] == "wait4"), 0)
            calls_ = [c[0] for c in seq.get(pid, [])[first:]
                      if not (c[0] == "wait4" and c[-1] == "ECHILD")]
        out.append((names[pid], calls_))
    return out


def run(tmp, mode, cmd, traced):
    script = f"set -o spawn={mode}\n{cmd}"
    out = os.path.join(tmp, "s.txt")
    args = ["strace", "-f", "-qq", "-e", "trace=process,desc", "-o", out, MINISH]
    if traced:
        args.append("--trace-file=t.jsonl")
    subprocess.run(args + ["-c", script], cwd=tmp, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    return strace_calls(out)


unseen = set()


def main():
    if shutil.which("strace") is None:
        print("strace is not installed (Debian package strace)")
        return 1
    for mode in MODES:
        for name, cmd in COMMANDS:
            label = f"spawn={mode}: {name}"
            with tempfile.TemporaryDirectory() as tmp:
                calls, shell = run(tmp, mode, cmd, True)
                if shell is None:
                    fail(f"{label}: strace saw nothing (ptrace not permitted here?)")
                    continue
                traced, unseen_parents = trace_calls(os.path.join(tmp, "t.jsonl"))
                strace_seq = seam_of(calls, shell, "t.jsonl")
                # the shell's first call on the trace is after its startup
                first = traced.get(shell, [None])[0]
                s = strace_seq[shell]
                if first is not None and first in s:
                    strace_seq[shell] = s[s.index(first):]
                compare(label, strace_seq, traced, unseen_parents)
                plain, pshell = run(tmp, mode, cmd, False)
                a, b = shape(calls, shell, "t.jsonl"), shape(plain, pshell)
                if a != b and name not in RACY_SHAPE:
                    fail(f"{label}: the trace changed what runs:\n   traced:   {a}\n   untraced: {b}")
    print(f"{len(MODES) * len(COMMANDS)} runs, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
