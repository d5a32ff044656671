#!/usr/bin/env python3
"""teach.py MODE MINISH VICTIMS [--bless] -- tests of minish's teaching layer.

Normalisation (also documented in docs/lessons/README.md):
  * narration lines "minish[PID]: ..." are grouped by process, each group
    keeping its own order; every pid seen is replaced by <pid>; the groups
    are sorted, because processes run side by side and interleave freely.
  * lesson transcripts: see lessonlib.py (<pid>, <n>, <*>, "...", and the
    fence words unordered, root, uts).
"""
import glob, json, os, re, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lessonlib  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODE, MINISH, VICTIMS = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
BLESS = "--bless" in sys.argv
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def env():
    return lessonlib.path_env(MINISH, VICTIMS)


def run(args, cwd, stdin=None, timeout=30):
    # a session of its own: ptree also lists the orphans of the shell's session,
    # and tests running side by side must not see each other's
    return subprocess.run([MINISH] + args, cwd=cwd, env=env(), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL if stdin is None else stdin, timeout=timeout,
                          start_new_session=True)


# ---- narration ------------------------------------------------------------------

LINE = re.compile(r"^minish\[(\d+)\]: ")


def normalise_trace(text):
    """Narration grouped by process (order kept inside), pids -> <pid>, groups sorted."""
    groups, other = {}, []
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            groups.setdefault(m.group(1), []).append(line)
        else:
            other.append(line)
    pids = sorted(groups, key=len, reverse=True)
    def norm(line):
        for p in pids:
            line = re.sub(r"(?<!\d)" + p + r"(?!\d)", "<pid>", line)
        # programs live in different directories on different systems
        line = re.sub(r'execve\("[^"]*/([^"/]*)"', r'execve(".../\1"', line)
        return line
    blocks = sorted("\n".join(norm(l) for l in g) for g in groups.values())
    return "\n\n".join(blocks) + "\n", [norm(l) for l in other]


def test_narration():
    for script in sorted(glob.glob(os.path.join(ROOT, "tests/teach/narration/*.sh"))):
        name = os.path.basename(script)[:-3]
        with tempfile.TemporaryDirectory() as tmp:
            open(os.path.join(tmp, name + ".sh"), "w").write(open(script).read())
            r = run(["--trace", name + ".sh"], tmp)
            leaked = [f for f in glob.glob(tmp + "/*") if "minish[" in open(f, errors="replace").read()]
        if "minish[" in r.stdout:
            fail(f"{name}: narration leaked into stdout")
        if leaked:
            fail(f"{name}: narration leaked into a redirected file: {leaked}")
        trace, other = normalise_trace(r.stderr)
        got = "== stdout\n" + r.stdout + "== stderr (not narration)\n" + "".join(
            l + "\n" for l in other) + "== narration, one block per process\n" + trace
        got += f"== status {r.returncode}\n"
        want_path = script[:-3] + ".out"
        if BLESS:
            open(want_path, "w").write(got)
            continue
        want = open(want_path).read() if os.path.exists(want_path) else ""
        if got != want:
            fail(f"narration {name}: output differs; got:\n{got}")


# ---- JSONL --------------------------------------------------------------------

SCHEMA = {  # docs/trace-format.md
    "time": (float, int), "pid": int, "ppid": int, "call": str, "args": (str, type(None)),
    "result": (int, type(None)), "errno": (str, type(None)), "detail": (str, type(None)),
    "reason": (str, type(None)), "job": (int, type(None)), "node": (str, type(None)),
}


def test_jsonl():
    with tempfile.TemporaryDirectory() as tmp:
        r = run(["--trace-file=t.jsonl", "--trace-dot=t.dot", "-c",
                 "echo hi | tr a-z A-Z > out; nosuch 2>/dev/null; cd /; exit_status 300; exit"], tmp)
        if r.returncode != 44:
            fail(f"jsonl: exit_status 300 should give 44, got {r.returncode}")
        events = []
        for n, line in enumerate(open(os.path.join(tmp, "t.jsonl")), 1):
            try:
                ev = json.loads(line)
            except ValueError as e:
                fail(f"jsonl line {n}: not JSON: {e}: {line!r}")
                continue
            if set(ev) != set(SCHEMA):
                fail(f"jsonl line {n}: keys {sorted(ev)} != {sorted(SCHEMA)}")
                continue
            for k, t in SCHEMA.items():
                if not isinstance(ev[k], t) or isinstance(ev[k], bool):
                    fail(f"jsonl line {n}: {k}={ev[k]!r} has the wrong type")
            events.append(ev)
        calls = [e["call"] for e in events]
        for c in ("pipe2", "dup2", "close", "execve", "wait4", "open", "note"):
            if c not in calls:
                fail(f"jsonl: no '{c}' event in {sorted(set(calls))}")
        shell = events[0]["pid"] if events else 0
        kids = {e["result"] for e in events
                if e["call"] in ("fork", "vfork", "clone3") and e["pid"] == shell}
        for e in events:
            if e["pid"] != shell and e["pid"] in kids and e["ppid"] != shell:
                fail(f"jsonl: child {e['pid']} has ppid {e['ppid']}, not the shell {shell}")
        waits = [e for e in events if e["call"] == "wait4"]
        if not any(e["detail"].startswith("exited 44") for e in waits):
            fail("jsonl: no wait4 event decoded as 'exited 44'")
        if not any(e["call"] == "note" and "cd runs inside the shell" in (e["detail"] or "")
                   for e in events):
            fail("jsonl: no note that cd runs inside the shell")
        # the shell's WNOHANG poll for finished children comes before the command
        if any(e["job"] != 1 for e in events if "WNOHANG" not in (e["args"] or "")):
            fail("jsonl: every event of the one -c command should be job 1")
        dot = open(os.path.join(tmp, "t.dot")).read()
        for want in ("digraph command_1", "fork", "pipe:[", "[label=\"fd 1\"", "exited 44"):
            if want not in dot:
                fail(f"trace-dot: {want!r} missing in:\n{dot}")
        if "minish[" in open(os.path.join(tmp, "out")).read():
            fail("jsonl: narration in a redirected file")
        # a trapped signal is an event where the shell acts on it
        r = run(["--trace-file=s.jsonl", "-c", "trap 'echo got' USR1; kill -USR1 $$"], tmp)
        notes = [json.loads(l).get("detail") or "" for l in open(os.path.join(tmp, "s.jsonl"))]
        if r.stdout != "got\n" or not any(n.startswith("signal SIGUSR1 received") for n in notes):
            fail(f"jsonl: no 'signal SIGUSR1 received' note (stdout {r.stdout!r}): {notes}")
        test_vfork_times(tmp)
    test_pictures()
    r = run(["--ast=dot", "-c", "if true; then ls | wc -l; fi"], "/")
    for want in ("digraph ast", "label=\"cond\"", "stage 2", "wc -l"):
        if want not in r.stdout:
            fail(f"--ast=dot: {want!r} missing in:\n{r.stdout}")
    # what --ast shows: case patterns, a compound command's redirections
    r = run(["--ast=dot", "-c", "case $x in a|b) echo ab;; *) ;; esac; while true; do ls; done >o 2>&1"], "/")
    for want in ('[label="a | b)"]', '[label="*)"]', 'while\\n> o 2>&1'):
        if want not in r.stdout:
            fail(f"--ast=dot: {want!r} missing in:\n{r.stdout}")


def test_vfork_times(tmp):
    """A vfork child's calls are written by its parent once it resumes, but
    carry the child's own clock: before the parent's `vfork() = PID` line
    (which is stamped when vfork returned, after the child's exec)."""
    run(["--trace-file=v.jsonl", "-c", "set -o spawn=vfork; ls /nope >f 2>&1; true"], tmp)
    events = [json.loads(l) for l in open(os.path.join(tmp, "v.jsonl"))]
    parent = [e for e in events if e["call"] == "vfork" and e["result"] not in (0, None)]
    if len(parent) != 1:
        fail(f"vfork times: want one vfork() = PID event, got {parent}")
        return
    kid = [e for e in events if e["pid"] == parent[0]["result"]]
    if [e["call"] for e in kid] != ["vfork", "dup2", "dup2", "execve"]:
        fail(f"vfork times: the child's events are {[e['call'] for e in kid]}")
    times = [e["time"] for e in kid]
    if times != sorted(times) or not times or times[-1] > parent[0]["time"]:
        fail(f"vfork times: child {times} should be in order and before the parent's "
             f"vfork return {parent[0]['time']}")


def test_pictures():
    """`ls /nope >f 2>&1` and `ls /nope 2>&1 >f` draw differently: where fd 1
    and fd 2 point, with files and pipes as nodes; rendered by Graphviz."""
    dot_bin = shutil.which("dot")
    if dot_bin is None:
        fail("trace-dot: Graphviz's dot is missing (apt-get install graphviz)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "sub"))
        open(os.path.join(tmp, "s.sh"), "w").write(
            "ls /nope >f 2>&1\nls /nope 2>&1 >f\ncd sub\nls / | cat >/dev/null\n")
        run(["--trace-dot=p%d.dot", "s.sh"], tmp)
        pics = [os.path.join(tmp, f"p{n}.dot") for n in (1, 2, 4)]
        if not all(os.path.exists(p) for p in pics):
            fail(f"trace-dot: pictures missing (a cd must not move them): {os.listdir(tmp)}")
            return
        one, two, pipe = (open(p).read() for p in pics)
        edge = lambda text, fd: re.search(r'-> (o\d+) \[label="fd %d"' % fd, text)
        f1, f2 = edge(one, 1), edge(one, 2)
        if not (f1 and f2 and f1.group(1) == f2.group(1)):
            fail(f"trace-dot: in `>f 2>&1` fd 1 and fd 2 should lead to the same file:\n{one}")
        t1, t2 = edge(two, 1), edge(two, 2)
        if not (t1 and t2 and t1.group(1) != t2.group(1)):
            fail(f"trace-dot: in `2>&1 >f` fd 2 should lead elsewhere than fd 1:\n{two}")
        if 'label="f", shape=note' not in one or "pipe:[" not in pipe or "shape=cds" not in pipe:
            fail(f"trace-dot: no file node or pipe node:\n{one}\n{pipe}")
        if re.search(r'label="pid \d+\\n(\\n|")', one + two + pipe):
            fail("trace-dot: an empty box")
        pngs = []
        for p in pics[:2]:
            out = subprocess.run([dot_bin, "-Tpng", p], capture_output=True)
            if out.returncode != 0 or not out.stdout.startswith(b"\x89PNG"):
                fail(f"trace-dot: dot -Tpng failed on {p}: {out.stderr[:300]!r}")
            pngs.append(out.stdout)
        if len(pngs) == 2 and pngs[0] == pngs[1]:
            fail("trace-dot: the two redirection orders render the same picture")


# ---- ptree, fds, noreap ---------------------------------------------------------

def proc_stat(pid):
    s = open(f"/proc/{pid}/stat").read()
    f = s[s.rindex(")") + 2:].split()
    return {"state": f[0], "ppid": int(f[1]), "pgid": int(f[2]), "sid": int(f[3])}


def ptree_rows(text):
    rows = []
    for line in text.splitlines():
        f = line.split()
        if len(f) >= 7 and f[0].isdigit():
            rows.append({"pid": int(f[0]), "ppid": int(f[1]), "pgid": int(f[2]), "sid": int(f[3]),
                         "uid": f[5], "stat": f[6], "line": line})
    return rows


def test_proc():
    with tempfile.TemporaryDirectory() as tmp:
        # ptree while the shell sleeps: compare its rows with /proc then
        p = subprocess.Popen([MINISH, "-c", "sleep 3 & echo $!; ptree; sleep 1"], cwd=tmp, env=env(),
                             stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        bg = int(p.stdout.readline())
        out = ""
        while "<- this shell" not in out or out.count("\n") < 3:
            line = p.stdout.readline()
            if not line:
                break       # minish ended early: the checks below report it
            out += line
        rows = ptree_rows(out)
        for row in rows:
            if row["pid"] in (p.pid, bg):
                st = proc_stat(row["pid"])
                for k in ("ppid", "pgid", "sid"):
                    if st[k] != row[k]:
                        fail(f"ptree: {row['line']!r}: {k} {row[k]} but /proc says {st[k]}")
        if {r["pid"] for r in rows} & {p.pid, bg} != {p.pid, bg}:
            fail(f"ptree: shell {p.pid} or child {bg} missing:\n{out}")
        p.wait()
        # fds: the shell's own table while it sleeps (`; :` keeps the shell
        # there: the last command of `minish -c` would replace it)
        p = subprocess.Popen([MINISH, "-c", "exec 5</etc/hostname 6>f; fds; sleep 1; :"], cwd=tmp,
                             env=env(), stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        time.sleep(0.5)
        real = {int(fd): os.readlink(f"/proc/{p.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{p.pid}/fd")}
        out = p.communicate()[0]
        shown = {int(l.split()[0]): l.split()[1] for l in out.splitlines()[1:] if l.split()}
        if shown != real:
            fail(f"fds: shows {shown}, /proc says {real}")
        if "O_WRONLY" not in out.splitlines()[-1] and not any(
                l.startswith("6 ") and "O_WRONLY" in l for l in out.splitlines()):
            fail(f"fds: fd 6 should be O_WRONLY:\n{out}")
        # fds of a child: a descriptor the shell leaked on purpose is flagged
        r = run(["-c", "exec 7</etc/hostname; sleep 1 & " + lessonlib.SETTLE + "; fds $!; kill $!"], tmp)
        if not re.search(r"^7 .*LEAKED", r.stdout, re.M):
            fail(f"fds: fd 7 of the child is not flagged as leaked:\n{r.stdout}")
        # noreap: exactly three zombies, none after wait
        r = run(["-c", "set -o noreap; sleep 0.1 & sleep 0.1 & sleep 0.1 & sleep 0.8; "
                 "ptree; echo ---; wait; ptree"], tmp)
        before, after = r.stdout.split("---\n")
        zb = [x for x in ptree_rows(before) if x["stat"] == "Z"]
        za = [x for x in ptree_rows(after) if x["stat"] == "Z"]
        if len(zb) != 3 or za:
            fail(f"noreap: want 3 zombies then none, got {len(zb)} then {len(za)}:\n{r.stdout}")
        r = run(["-c", "set -o noreap; sleep 0.1 & sleep 0.5; reap; reap"], tmp)
        if not re.match(r"reaped \d+: exited 0\nnothing to reap\n$", r.stdout):
            fail(f"reap: {r.stdout!r}")
        test_proc_whole_story(tmp)


def uid_of(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Uid:"):
            return line.split()[2]
    return "?"


def test_proc_whole_story(tmp):
    """ptree -a / -s / PID, the UID column, orphans, set -o subreaper, reap -w, maps."""
    r = run(["-c", "ptree -a"], tmp)
    rows = ptree_rows(r.stdout)
    pids = {x["pid"] for x in rows}
    real = {int(d) for d in os.listdir("/proc") if d.isdigit()}
    if 1 not in pids or len(pids & real) < len(real) * 0.8:
        fail(f"ptree -a: {len(pids)} rows, /proc has {len(real)}; pid 1 listed: {1 in pids}")
    if not rows or rows[0]["pid"] != 1 and 1 in pids:
        fail(f"ptree -a: pid 1 should be the first root:\n{r.stdout[:400]}")
    one = next((x for x in rows if x["pid"] == 1), None)
    if one is not None and one["uid"] != uid_of(1):
        fail(f"ptree -a: pid 1 has UID {one['uid']}, /proc says {uid_of(1)}")
    # -s: only the shell's session, every row of it
    p = subprocess.Popen([MINISH, "-c", "sleep 3 & ptree -s; ptree -a > all; kill $!"], cwd=tmp,
                         env=env(), stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                         start_new_session=True)
    out = p.communicate(timeout=20)[0]
    rows = ptree_rows(out)
    if not rows or any(x["sid"] != p.pid for x in rows) or len(rows) < 2:
        fail(f"ptree -s: every row should be in session {p.pid}:\n{out}")
    if ptree_rows(open(os.path.join(tmp, "all")).read()) == rows:
        fail("ptree -a shows no more than ptree -s")
    # ptree PID, errors
    r = run(["-c", "ptree $$ | sed -n 2p; ptree 999999999; echo $?; ptree -x; echo $?"], tmp)
    if not re.match(r"\d+ .*<- this shell\n1\n2\n$", r.stdout) or \
            "999999999: no such process" not in r.stderr or "Illegal option -x" not in r.stderr:
        fail(f"ptree PID / errors: {r.stdout!r} {r.stderr!r}")
    # an orphan of this session is marked, then adopted by a subreaper shell
    r = run(["-c", "zombie_maker -o 5 | head -2 > o; ptree; kill $(awk -F'[ :]' '/^orphan/ {print $2}' o)"], tmp)
    if not re.search(r"zombie_maker -o 5   <- orphan: its parent exited; adopted by \d+$", r.stdout, re.M):
        fail(f"ptree: the orphan is not marked:\n{r.stdout}")
    r = run(["-c", "set -o subreaper -o noreap; zombie_maker -o 5 | head -2 > o; echo $$; ptree; "
             "kill $(awk -F'[ :]' '/^orphan/ {print $2}' o); reap -w; reap"], tmp)
    lines = r.stdout.splitlines()
    adopted = [x for x in ptree_rows(r.stdout) if "adopted by this shell" in x["line"]]
    if not lines or len(adopted) != 1 or str(adopted[0]["ppid"]) != lines[0] or \
            not re.search(r"^reaped \d+: killed by SIGTERM \(an orphan this shell adopted\)\nnothing to reap$",
                          r.stdout, re.M):
        fail(f"subreaper: no adoption shown:\n{r.stdout}{r.stderr}")
    r = run(["--trace", "-c", "set -o subreaper; set +o subreaper"], tmp)
    if "prctl(PR_SET_CHILD_SUBREAPER, 1) = 0" not in r.stderr or \
            "prctl(PR_SET_CHILD_SUBREAPER, 0) = 0" not in r.stderr:
        fail(f"subreaper: prctl not narrated:\n{r.stderr}")
    # maps: the text row is the program's r-x mappings, sizes from /proc/PID/maps
    r = run(["-c", "sleep 30 & " + lessonlib.SETTLE + "; maps $!; readlink /proc/$!/exe > exe; "
             "cat /proc/$!/maps > maps; echo $! > pid; kill $!"], tmp)
    pid, exe = open(os.path.join(tmp, "pid")).read().strip(), open(os.path.join(tmp, "exe")).read().strip()
    want = 0
    for line in open(os.path.join(tmp, "maps")):
        f = line.split()
        if len(f) >= 6 and f[5] == exe and f[1].startswith("r-x"):
            lo, hi = (int(x, 16) for x in f[0].split("-"))
            want += (hi - lo) // 1024
    m = re.search(r"^text +(\d+) KiB  r-x", r.stdout, re.M)
    if not m or int(m.group(1)) != want or f"process {pid}: {exe}" not in r.stdout or not exe.endswith("sleep"):
        fail(f"maps: text should be {want} KiB of {exe}:\n{r.stdout}")
    r = run(["-c", "maps 1 2 3; echo $?; maps %9; echo $?; maps x; echo $?"], tmp)
    if r.stdout != "2\n1\n2\n" or r.stderr.count("minish: maps:") != 3:
        fail(f"maps errors: {r.stdout!r} {r.stderr!r}")


# ---- lessons -----------------------------------------------------------------------

def check_block(lesson, info, cmds):
    """Run the block's commands as one script, in a session of its own (as a
    login would be), and compare each command's output with the lesson's."""
    script = ""
    for i, (c, _) in enumerate(cmds):
        script += c + "\n"
        if c.rstrip().endswith("&"):
            script += lessonlib.SETTLE + "\n"
        daemon = lessonlib.DAEMON.match(c)
        if daemon:
            script += lessonlib.settle_daemon(daemon.group(1)) + "\n"
        script += f"echo '@@@ {i}'\n"
    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, "session.sh"), "w").write(script)
        try:
            r = subprocess.run([MINISH, "session.sh"], cwd=tmp, env=env(), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               timeout=30, start_new_session=True)
        except subprocess.TimeoutExpired:
            fail(f"{lesson}: the session did not finish in 30 s")
            return
    chunks = re.split(r"^@@@ \d+\n", r.stdout, flags=re.M)
    for i, (cmd, want) in enumerate(cmds):
        got = chunks[i] if i < len(chunks) else "<missing>"
        if not lessonlib.matches(info, want, got):
            fail(f"{lesson}: `{cmd}`:\n--- expected\n" + "\n".join(want) + "\n--- got\n" + got)


def test_lessons():
    lessons = sorted(glob.glob(os.path.join(ROOT, "docs/lessons/[0-9]*.md")))
    if len(lessons) < 10:
        fail(f"only {len(lessons)} lessons")
    for lesson in lessons:
        name = os.path.basename(lesson)
        found = lessonlib.blocks(lesson)
        if not found:
            fail(f"{lesson}: no ```minish-session block")
        for info, cmds in found:
            why = lessonlib.skip_reason(info)
            if why is not None:
                print(f"SKIP: {name}: a block {why}")
                continue
            check_block(name, info, cmds)
    print(f"{len(lessons)} lessons checked")


# ---- the teaching guide's concept map ------------------------------------------------

def test_guide():
    """Every lesson is in docs/teaching-guide.md's concept map and in the lessons
    README; each `file`: `function` named there exists in that file."""
    text = open(os.path.join(ROOT, "docs/teaching-guide.md")).read()
    table = text[text.index("## Concept map"):text.index("Every ```` ```minish-session")]
    rows = [l for l in table.splitlines() if l.startswith("| ") and not l.startswith("| Concept")]
    if len(rows) < 25:
        fail(f"teaching guide: only {len(rows)} concept rows")
    readme = open(os.path.join(ROOT, "docs/lessons/README.md")).read()
    for lesson in sorted(glob.glob(os.path.join(ROOT, "docs/lessons/[0-9]*.md"))):
        name = os.path.basename(lesson)
        if f"(lessons/{name})" not in table:
            fail(f"teaching guide: lesson {name} is in no row of the concept map")
        if f"({name})" not in readme:
            fail(f"docs/lessons/README.md: lesson {name} is not listed")
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        if len(cells) != 4 or "](lessons/" not in cells[1] or not cells[2] or not cells[3]:
            fail(f"teaching guide: a gap in row {row!r}")
            continue
        for part in cells[3].split(";"):
            m = re.match(r"\s*`([^`]+)`:\s*(.*)", part)
            if not m:
                fail(f"teaching guide: {part!r} does not say `file`: `function`")
                continue
            path = os.path.join(ROOT, m.group(1))
            src = open(path).read() if os.path.exists(path) else ""
            if not src:
                fail(f"teaching guide: {m.group(1)} does not exist")
            for fn in re.findall(r"`(\w+)`", m.group(2)):
                if not re.search(r"^[^\s#/*].*\b" + fn + r"\(", src, re.M):
                    fail(f"teaching guide: no function {fn} in {m.group(1)}")


{"narration": test_narration, "jsonl": test_jsonl, "proc": test_proc,
 "lessons": test_lessons, "guide": test_guide}[MODE]()
if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
