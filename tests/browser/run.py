#!/usr/bin/env python3
"""run.py -- the trace viewer (minish --trace-html) in a real browser.

Usage: run.py MINISH [TEST ...]      (tests: pipeline redirection big badinput
                                      convert session states strange; default: all)

Debian's chromium runs headless and prints the page's DOM after the script
ran (--dump-dom).  The page keeps its current step as JSON in the hidden
<pre id="summary">; with #walk in the address it draws every step and keeps
all the summaries in <pre id="walk">; with #keys=eee it types e, e, e.  So
each check reads what the viewer itself computed and drew.

chromium missing is a failure that names the package, never a skip.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

MINISH = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="minish-browser-")
FAILS = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)
    return cond


def find_chromium():
    """chromium's path ($MINISH_CHROMIUM overrides); exits 1 naming the package if none."""
    path = os.environ.get("MINISH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        print("FAIL the browser tests need Debian's 'chromium' package (%s not found): "
              "apt-get install chromium, or make deps" % path)
        shutil.rmtree(WORK, ignore_errors=True)
        sys.exit(1)
    return path


CHROMIUM = find_chromium()


def chromium(url, *extra):
    """Run headless chromium on URL with a fresh profile; its stdout."""
    profile = tempfile.mkdtemp(prefix="profile-", dir=WORK)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,800"]
    r = subprocess.run(cmd + list(extra) + [url], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    return r.stdout.decode("utf-8", "replace")


def pre(dom, ident):
    m = re.search(r'<pre id="%s" hidden="">(.*?)</pre>' % ident, dom, re.S)
    return json.loads(html.unescape(m.group(1))) if m and m.group(1) else None


def errors_of(dom):
    m = re.search(r'<div id="errors" role="alert">(.*?)</div>', dom, re.S)
    return html.unescape(m.group(1)) if m else "(no errors element)"


def load(page, fragment):
    """The DOM of PAGE opened at #FRAGMENT; checks the script reported no error."""
    dom = chromium("file://" + page + "#" + fragment, "--dump-dom")
    check(errors_of(dom) == "", "%s#%s: the page reports no error (%r)"
          % (os.path.basename(page), fragment, errors_of(dom)[:200]))
    return dom


def run_minish(args, cwd, stdin=subprocess.DEVNULL):
    out = open(os.path.join(cwd, "shell.out"), "w")
    r = subprocess.run([MINISH] + args, cwd=cwd, stdin=stdin, stdout=out,
                       stderr=subprocess.PIPE, timeout=60)
    out.close()
    return r


def workdir(name):
    d = os.path.join(WORK, name)
    os.mkdir(d)
    return d


def proc_by_pid(step, pid):
    return [p for p in step["procs"] if p["pid"] == pid][0]


# ---- PNG: decode (zlib + the five filters) and look at the pixels ----------

def png_pixels(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
            depth, ctype = body[8], body[9]
            assert depth == 8 and ctype in (2, 6), "unexpected PNG format"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def check_screenshot(page, fragment, name, pipes=True):
    shot = os.path.join(WORK, name + ".png")
    chromium("file://" + page + "#" + fragment, "--screenshot=" + shot)
    if not check(os.path.exists(shot), name + ": chromium wrote a screenshot"):
        return
    w, h, bpp, rows = png_pixels(open(shot, "rb").read())
    total = ink = orange = blue = 0
    for line in rows[210:h - 80]:          # the picture: below the buttons, above the legend
        for x in range(0, w * bpp, bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            if r + g + b < 600:
                ink += 1
            if abs(r - 0xd9) < 20 and abs(g - 0x48) < 20 and abs(b - 0x0f) < 20:
                orange += 1         # the write ends, #d9480f
            if abs(r - 0x18) < 20 and abs(g - 0x64) < 20 and abs(b - 0xab) < 20:
                blue += 1           # the read ends, #1864ab
    print("     %s: %dx%d, %.1f%% ink, %d write-end and %d read-end pixels"
          % (name, w, h, 100.0 * ink / total, orange, blue))
    check(ink > total * 0.02, name + ": the screenshot is not blank")
    if pipes:
        check(orange > 300 and blue > 300,
              name + ": pipes are drawn (orange write ends, blue read ends)")
    keep = os.environ.get("MINISH_BROWSER_SHOTS")     # a directory to keep the screenshots in
    if keep:
        shutil.copy(shot, os.path.join(keep, name + ".png"))


# ---- the tests ---------------------------------------------------------------

def test_pipeline():
    d = workdir("pipeline")
    page = os.path.join(d, "pipe.html")
    r = run_minish(["--trace-html=" + page, "-c", "ls / | grep -v proc | wc -l > out"], d)
    check(r.returncode == 0 and os.path.exists(page), "pipeline: minish wrote the page")
    check(r.stderr == b"", "pipeline: nothing on stderr (%r)" % r.stderr[:300])
    walk = pre(load(page, "walk"), "walk")
    if not check(walk is not None, "pipeline: the page walked every step"):
        return
    steps = walk["steps"]
    outside = "file " + os.path.join(d, "shell.out")
    first, last = steps[0], steps[-1]
    shell = first["procs"][0]
    check(len(first["procs"]) == 1 and shell["program"] == "minish",
          "pipeline: first step: the shell alone")
    check(shell["fds"].get("0") == "/dev/null" and shell["fds"].get("1") == outside,
          "pipeline: first step: the shell's fd 0 is /dev/null, fd 1 its output file")
    execs = [s for s in steps if s["event"] and s["event"]["call"] == "execve"]
    check(len(execs) == 3, "pipeline: three execs (%d)" % len(execs))
    # the stages are separate processes: they may exec in any order
    want = {"ls /": ("/dev/null", "pipe 1 write end"),
            "grep -v proc": ("pipe 1 read end", "pipe 2 write end"),
            "wc -l": ("pipe 2 read end", "file out")}
    seen = []
    for k in range(len(want)):
        # step there with the viewer's own key: e typed k+1 times
        step = pre(load(page, "keys=" + "e" * (k + 1)), "summary")
        if not check(step is not None and step["event"]["call"] == "execve",
                     "pipeline: %d x 'e' lands on an exec" % (k + 1)):
            continue
        p = proc_by_pid(step, step["event"]["pid"])
        # a child may write before its parent's fork() = PID: count children either way
        # (a stage that is only a program starts with vfork)
        forks = len(set(s["event"]["result"] or s["event"]["pid"] for s in steps[:step["step"] + 1]
                        if s["event"] and s["event"]["call"] in ("fork", "vfork", "clone3")))
        check(len(step["procs"]) == 1 + forks,
              "pipeline: exec %d: %d processes (the shell + %d started)"
              % (k + 1, len(step["procs"]), forks))
        prog = p["program"]
        seen.append(prog)
        if not check(prog in want, "pipeline: exec %d runs a stage (%r)" % (k + 1, prog)):
            continue
        fd0, fd1 = want[prog]
        check(p["fds"].get("0") == fd0 and p["fds"].get("1") == fd1,
              "pipeline: exec %d (%s): fd 0 -> %s, fd 1 -> %s (%s, %s)"
              % (k + 1, prog, fd0, fd1, p["fds"].get("0"), p["fds"].get("1")))
        check(not any(int(fd) > 2 for fd in p["fds"]),
              "pipeline: exec %d: no other descriptor survives exec (%s)" % (k + 1, p["fds"]))
    check(sorted(seen) == sorted(want), "pipeline: each stage execs once (%s)" % seen)
    progs = sorted(p["program"] for p in last["procs"])
    check(len(last["procs"]) == 4 and progs == ["grep -v proc", "ls /", "minish", "wc -l"],
          "pipeline: last step: the shell and its three children (%s)" % progs)
    kids = [p for p in last["procs"] if p["program"] != "minish"]
    check(all(p["state"] == "reaped" and p["status"] == "exited 0" and not p["fds"] for p in kids),
          "pipeline: last step: every child reaped, exited 0, no descriptors left")
    check(last["procs"][0]["fds"].get("0") == "/dev/null" and
          last["procs"][0]["fds"].get("1") == outside,
          "pipeline: last step: the shell's fd 0 and fd 1 are as they were")
    # the picture where most descriptors are pipe ends: the pipes must show
    busiest = max(steps, key=lambda s: sum(v.startswith("pipe ") for p in s["procs"]
                                           for v in p["fds"].values()))
    check_screenshot(page, "step=%d" % busiest["step"], "pipeline")


def exec_step(page):
    walk = pre(load(page, "walk"), "walk")
    s = [s for s in walk["steps"] if s["event"] and s["event"]["call"] == "execve"]
    return proc_by_pid(s[0], s[0]["event"]["pid"]) if s else None


def test_redirection():
    d = workdir("redirection")
    a, b = os.path.join(d, "a.html"), os.path.join(d, "b.html")
    run_minish(["--trace-html=" + a, "-c", "ls /nope >f 2>&1"], d)
    run_minish(["--trace-html=" + b, "-c", "ls /nope 2>&1 >f"], d)
    pa, pb = exec_step(a), exec_step(b)
    if not check(pa is not None and pb is not None, "redirection: both pages have an exec"):
        return
    outside = "file " + os.path.join(d, "shell.out")
    check(pa["fds"].get("1") == "file f" and pa["fds"].get("2") == "file f",
          "redirection: >f 2>&1: fd 1 and fd 2 -> f (%s)" % pa["fds"])
    check(pb["fds"].get("1") == "file f" and pb["fds"].get("2") == outside,
          "redirection: 2>&1 >f: fd 1 -> f, fd 2 -> the old stdout (%s)" % pb["fds"])
    check(pa["fds"].get("2") != pb["fds"].get("2"), "redirection: the pages differ at fd 2")
    check_screenshot(b, "keys=e", "redirection", pipes=False)


def test_big():
    d = workdir("big")
    page = os.path.join(d, "big.html")
    script = "i=0; while [ $i -lt 110 ]; do echo $i | cat > /dev/null; i=$((i+1)); done"
    run_minish(["--trace-html=" + page, "-c", script], d)
    t0 = time.time()
    opened = load(page, "step=0")
    seconds = time.time() - t0
    ready = re.search(r'data-ready-ms="([0-9.]+)"', opened)
    walk = pre(load(page, "walk"), "walk")
    if not check(walk is not None, "big: the page walked every step"):
        return
    n = len(walk["steps"]) - 1
    check(n >= 2000, "big: at least 2000 events (%d)" % n)
    print("     big: %d events, page %d bytes; chromium start to DOM %.2f s, of which the page's "
          "script %s ms (reading and replaying every event); drawing all %d steps %.0f ms"
          % (n, os.path.getsize(page), seconds, ready.group(1) if ready else "?", n + 1, walk["ms"]))
    step = pre(load(page, "keys=$bbb"), "summary")
    check(step is not None and step["step"] == n - 3, "big: End then 3 x back reaches step %d" % (n - 3))


def test_badinput():
    d = workdir("badinput")
    good = os.path.join(d, "t.jsonl")
    subprocess.run([MINISH, "--trace-file=" + good, "-c", "ls / | wc -l"], cwd=d,
                   stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, timeout=60)
    lines = open(good).read().splitlines(True)
    cases = {
        "truncated": "".join(lines[:5]) + lines[5][:40],
        "corrupt": "".join(lines[:2]) + "garbage\n" + "".join(lines[3:]),
        "missing-key": "".join(lines[:3]) + lines[3].replace('"ppid"', '"parent"'),
        "wrong-type": lines[0] + lines[1].replace('"pid":', '"pid":"x', 1).replace(',"ppid"', '",\"ppid"', 1),
    }
    want_line = {"truncated": 6, "corrupt": 3, "missing-key": 4, "wrong-type": 2}
    for name, text in cases.items():
        src = os.path.join(d, name + ".jsonl")
        out = os.path.join(d, name + ".html")
        open(src, "w").write(text)
        r = subprocess.run([MINISH, "--trace-html=" + out, "--from-trace=" + src],
                           stderr=subprocess.PIPE, timeout=60)
        err = r.stderr.decode()
        check(r.returncode == 2 and re.match(r"minish: trace: line %d: \S" % want_line[name], err)
              and err.count("\n") == 1,
              "badinput %s: status 2 and one line 'minish: trace: line %d: ...' (%d, %r)"
              % (name, want_line[name], r.returncode, err))
        check(not os.path.exists(out), "badinput %s: no page written" % name)
    empty = os.path.join(d, "empty.jsonl")
    open(empty, "w").close()
    r = subprocess.run([MINISH, "--trace-html=x.html", "--from-trace=" + empty], cwd=d,
                       stderr=subprocess.PIPE, timeout=60)
    check(r.returncode == 2 and b"no events" in r.stderr, "badinput: an empty file: 'no events'")
    r = subprocess.run([MINISH, "--from-trace=" + good], stderr=subprocess.PIPE, timeout=60)
    check(r.returncode == 2 and b"--trace-html" in r.stderr,
          "badinput: --from-trace alone asks for --trace-html")


def test_convert():
    d = workdir("convert")
    trace, page = os.path.join(d, "t.jsonl"), os.path.join(d, "t.html")
    subprocess.run([MINISH, "--trace-file=" + trace, "-c", "ls / | grep -v proc | wc -l > out"],
                   cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, timeout=60)
    r = subprocess.run([MINISH, "--trace-html=" + page, "--from-trace=" + trace], timeout=60)
    check(r.returncode == 0, "convert: --from-trace succeeds")
    walk = pre(load(page, "walk"), "walk")
    if not check(walk is not None, "convert: the page walked every step"):
        return
    n = sum(1 for line in open(trace) if line.strip())
    check(len(walk["steps"]) == n + 1, "convert: one step per event, plus the start")
    progs = sorted(p["program"] for p in walk["steps"][-1]["procs"])
    check(progs == ["grep -v proc", "ls /", "minish", "wc -l"], "convert: the same processes (%s)" % progs)


def test_session():
    d = workdir("session")
    page = os.path.join(d, "s.html")
    script = ("set -o trace-html=%s\nls / | wc -l\necho hi | cat\nset -o trace-html=other.html\n"
              "echo done\n" % page)
    p = subprocess.run([MINISH, "-i", "--norc"], cwd=d, input=script.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode()
    check("minish: trace-html: this session already writes" in err,
          "session: a second page is refused (%r)" % err[-200:])
    check(not os.path.exists(os.path.join(d, "other.html")), "session: no second page")
    dom = load(page, "walk")
    meta = re.search(r'<script type="application/json" id="minish-meta">(.*?)</script>', dom, re.S)
    cmds = [c["text"] for c in json.loads(meta.group(1))["commands"]] if meta else []
    check(cmds[:2] == ["ls / | wc -l", "echo hi | cat"],
          "session: the commands are appended in order (%s)" % cmds)
    walk = pre(dom, "walk")
    jobs = sorted(set(s["event"]["pid"] for s in walk["steps"][1:])) if walk else []
    check(walk is not None and len(jobs) >= 3, "session: events of the shell and its children")


def ev(pid, ppid, call, args=None, result=None, detail=None, reason=None):
    return json.dumps({"time": 1700000000.0, "pid": pid, "ppid": ppid, "call": call,
                       "args": args, "result": result, "errno": None, "detail": detail,
                       "reason": reason, "job": 1, "node": "sleep 9 & cat"})


def test_states():
    """A hand-written trace through every state and the spawn narration."""
    d = workdir("states")
    trace, page = os.path.join(d, "s.jsonl"), os.path.join(d, "s.html")
    lines = [
        ev(10, 1, "fork", "", 11, None, "run 'sleep 9 &' in the background"),
        ev(11, 10, "fork", "", 0, "(child)", "run 'sleep 9 &' in the background"),
        ev(11, 10, "setpgid", "0, 0", 0),
        ev(11, 10, "execve", '"/bin/sleep", ["sleep", "9"]'),
        ev(10, 1, "waitpid", "11, WUNTRACED", 11, "stopped by SIGTSTP [wstatus 0x147f]"),
        ev(10, 1, "kill", "-11, SIGCONT", 0),
        ev(10, 1, "pipe", "", 0, "[5, 6]"),
        ev(10, 1, "vfork", "", 12, None, "start 'cat'"),
        ev(10, 1, "dup2", "5, 0", 0, None, "in the child"),
        ev(10, 1, "execve", '"/bin/cat"', 0, None, "in the child: a new program replaces it"),
        ev(10, 1, "fcntl", "1, F_DUPFD_CLOEXEC, 10", 10),
        ev(11, 10, "exit", None, None, "exited 0"),
        ev(10, 1, "waitpid", "-1", 11, "exited 0 [wstatus 0x0000]"),
    ]
    open(trace, "w").write("\n".join(lines) + "\n")
    r = subprocess.run([MINISH, "--trace-html=" + page, "--from-trace=" + trace], timeout=60)
    walk = pre(load(page, "walk"), "walk") if r.returncode == 0 else None
    if not check(walk is not None, "states: the page walked every step"):
        return
    st = [{p["pid"]: p for p in s["procs"]} for s in walk["steps"]]
    check(st[3][11]["pgid"] == 11, "states: setpgid(0, 0) makes the child lead its group")
    check(st[4][11]["program"] == "sleep 9" and st[4][11]["fds"] == {"0": "terminal",
          "1": "terminal", "2": "terminal"}, "states: exec keeps the inherited table")
    check(st[5][11]["state"] == "stopped", "states: stopped by SIGTSTP")
    check(st[6][11]["state"] == "running", "states: SIGCONT to the group runs it again")
    check(st[9][12]["fds"]["0"] == "pipe 1 read end" and st[9][10]["fds"].get("0") == "terminal",
          "states: 'in the child' calls belong to the vfork child")
    check(st[10][12]["program"] == "cat" and "5" not in st[10][12]["fds"],
          "states: the vfork child runs cat; the close-on-exec pipe ends are gone")
    check(st[11][10]["fds"]["10"] == "terminal" and 10 in
          next(p for p in walk["steps"][11]["procs"] if p["pid"] == 10)["cloexec"],
          "states: F_DUPFD_CLOEXEC makes a close-on-exec copy")
    check(st[12][11]["state"] == "zombie" and st[12][11]["fds"] == {},
          "states: an exit event makes a zombie with no descriptors")
    check(st[13][11]["state"] == "reaped" and st[13][11]["status"] == "exited 0",
          "states: waitpid reaps it")


def test_strange():
    """Valid JSON Lines that minish would never write: the page still works."""
    d = workdir("strange")
    trace, page = os.path.join(d, "x.jsonl"), os.path.join(d, "x.html")
    lines = [
        ev(50, 51, "note", detail="50 says its parent is 51"),
        ev(51, 50, "note", detail="and 51 says its parent is 50"),
        ev(50, 51, "pipe", "", 0, None),                       # no ends
        ev(50, 51, "dup2", "x, y", 1),
        ev(50, 51, "close", "99999", 0),
        ev(50, 51, "execve", "no quotes at all"),
        ev(52, 52, "waitpid", "-1", 7777, "exited 3"),        # its own parent; an unknown child
        ev(50, 51, "frobnicate", "1, 2", -1),
    ]
    open(trace, "w").write("\n".join(lines) + "\n")
    r = subprocess.run([MINISH, "--trace-html=" + page, "--from-trace=" + trace], timeout=60)
    walk = pre(load(page, "walk"), "walk") if r.returncode == 0 else None
    check(walk is not None and len(walk["steps"]) == len(lines) + 1,
          "strange: every step of an odd but valid trace is drawn")


TESTS = {"pipeline": test_pipeline, "redirection": test_redirection, "big": test_big,
         "badinput": test_badinput, "convert": test_convert, "session": test_session,
         "states": test_states, "strange": test_strange}

for name in sys.argv[2:] or TESTS:
    TESTS[name]()
shutil.rmtree(WORK, ignore_errors=True)
print("%d failed" % len(FAILS))
sys.exit(1 if FAILS else 0)
