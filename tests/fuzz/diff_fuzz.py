#!/usr/bin/env python3
"""diff_fuzz.py -- differential fuzzing of minish against dash.

Generates programs with shgen.py, runs each in dash and in minish (a fresh
temporary directory, a fixed environment, a time limit), and compares
stdout, the exit status and whether stderr is empty.  A difference is
shrunk to a minimal program, which is written with both shells' outputs to
the findings folder.  Differences that minish makes on purpose (KNOWN
below) are counted, not reported.

    diff_fuzz.py MINISH --seconds 600            # fuzz for ten minutes
    diff_fuzz.py MINISH --seed 1 --count 200     # a fixed slice (ctest)
    diff_fuzz.py MINISH --replay FILE.sh         # run one script in both, show the difference

Exit status: 0 when nothing new was found, 1 when a finding was written,
2 on a usage error.  See docs/reliability.md.
"""
import argparse
import copy
import difflib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shgen  # noqa: E402

ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/home/fz",
    "LC_ALL": "C",
    "TZ": "UTC",
}

# ---- known differences ----------------------------------------------------------
# Each rule: a name, the reason (where the deviation is documented), and a
# test on the program text.  A difference is shrunk first; when the minimal
# program matches a rule, it is counted under the rule's name and not
# reported.  (The generator never writes these constructs on purpose, see
# shgen.KNOWN_OFF, so a rule rarely has anything to hide.)
# To add one: document the deviation first (docs/user-guide.md, "Differences
# from dash"), then add a rule here whose pattern is as narrow as possible.
KNOWN = [
    ("lineno", "minish maintains $LINENO; Debian's dash leaves it empty "
     "(docs/user-guide.md, Differences from dash)",
     re.compile(r"LINENO")),
    ("caret-negation", "[^...] negates a bracket expression in minish, as in bash; "
     "dash takes ^ literally (docs/user-guide.md, Pattern matching)",
     # also a [^...] made at run time: echo $(printf '[%s]' '^'$1)
     re.compile(r"\[\^|printf '\[%s\]'[^;\n]*'\^")),
    ("pipefail", "set -o pipefail is supported; dash 0.5.12 rejects it "
     "(docs/user-guide.md, Differences from dash)",
     re.compile(r"pipefail")),
    ("case-fallthrough", ";& falls through in minish; dash 0.5.12 has no ;& "
     "(docs/user-guide.md, Differences from dash)",
     re.compile(r";&")),
    ("dot-args", ". FILE ARGS sets the positional parameters in minish; dash ignores ARGS "
     "(docs/user-guide.md, Differences from dash)",
     re.compile(r"(^|[;&|{(\s])\.[ \t]+[^;&|\s]+[ \t]+[^;&|\s]")),
    ("arith-incdec", "++ and -- on a variable in $((...)) increment and decrement, as in "
     "bash; dash reads --m as - -m (docs/user-guide.md, Extensions dash lacks)",
     re.compile(r"\$\(\((?:(?!\)\)).)*?((\+\+|--)\s*[A-Za-z_]|[A-Za-z_]\w*\s*(\+\+|--))", re.S)),
    ("dash-quoted-at-split", "dash mis-splits an unquoted expansion right after a "
     "double-quoted part with $@ in it, in the same word (drops a last empty field, or adds "
     "an empty one); "
     "minish splits it as bash does (docs/user-guide.md, Differences from dash)",
     # quoted parts without $ may come between: "$@ ""d"'q'$(...), "$@"\;$y
     re.compile(r'"(?:[^"\\]|\\.)*\$(@|\{@\})(?:[^"\\]|\\.)*"'
                r'(?:[^\s;|&"\'$\\]|\\.|"(?:[^"\\$]|\\.)*"|\'[^\']*\')*\$')),
    ("dash-tilde-nested", "dash appends part of the unused word of ${v=~$((...))...}, "
     "${v:=~${c##*}...} or ${v=~`...`} when v is set, or of the unused pattern of "
     "${u##~${n}:} when u is unset; minish and bash give v (docs/user-guide.md)",
     re.compile(r"\$\{\w+(:?[-=+?]|##?|%%?)~[^}]*[$`]")),
    ("read-while-written", "a group whose output goes to a file (out, o2) runs `cat` of "
     "that file inside it: cat reads what is being written to the same file, so the output "
     "depends on timing, in dash as well (run twice, dash gives different results)",
     re.compile(r"cat (\w+)[^\n]*\}\s*>[>|]?\s*\1\b")),
    ("eval-background", "eval of a variable whose value holds '&' starts a background job; "
     "what it prints races with the foreground, in dash as well",
     re.compile(r"(?s)(?=.*\beval\b)(?=.*'[^'\n]*&[^'\n]*')")),
    ("xtrace-failed-redirect", "set -x traces a command before its redirections are made, "
     "as bash does, so a command whose redirection fails is traced; dash traces only after "
     "they succeed (docs/user-guide.md, Differences from dash); seen when the trace itself "
     "is piped: { echo hi >bad/f; ...; } 2>&1 | sed",
     re.compile(r'(?s)\bset -x\b.*\{ (?:echo hi|printf x) >[^;\n]*; echo "s=\$\?"; \} 2>&1')),
    ("test-binary-3", "test with three arguments does the binary test in the middle "
     "(POSIX); dash says unexpected operator (docs/user-guide.md)",
     re.compile(r"(test|\[)\s+-[a-zA-Z]\s+-[ao]\s")),
]


def known_rule(text):
    for name, _reason, pattern in KNOWN:
        if pattern.search(text):
            return name
    return None


# ---- running ---------------------------------------------------------------------------


class Runner:
    def __init__(self, dash, minish, timeout):
        self.shells = {"dash": dash, "minish": minish}
        self.timeout = timeout
        self.tmp = tempfile.mkdtemp(prefix="minish-fuzz-")
        self.work = os.path.join(self.tmp, "w")     # the same path for both shells
        self.prog = os.path.join(self.tmp, "prog.sh")
        self.runs = 0

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run1(self, shell):
        shutil.rmtree(self.work, ignore_errors=True)
        os.mkdir(self.work)
        self.runs += 1
        p = subprocess.Popen([shell, self.prog], cwd=self.work, env=ENV, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = p.communicate(timeout=self.timeout)
            status = p.returncode
            if status < 0:
                status = 128 - status
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, err = p.communicate()
            status = "timeout"
        try:                            # anything the script left running in its group
            os.killpg(p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        return {"out": out, "err": err, "status": status}

    def run(self, text):
        """-> (results by shell, set of differing aspects)"""
        with open(self.prog, "w") as f:
            f.write(text)
        res = {name: self.run1(path) for name, path in self.shells.items()}
        d, m = res["dash"], res["minish"]
        aspects = set()
        if d["status"] == "timeout" or m["status"] == "timeout":
            if d["status"] != m["status"]:
                aspects.add("timeout")
            return res, aspects
        if d["out"] != m["out"]:
            aspects.add("stdout")
        if d["status"] != m["status"]:
            aspects.add("status")
        if bool(d["err"]) != bool(m["err"]):
            aspects.add("stderr")
        return res, aspects


# ---- shrinking ----------------------------------------------------------------------


def positions(node):
    """every (container, index) of a Node part, pre-order"""
    out = []
    for i, p in enumerate(node.parts):
        if isinstance(p, shgen.Node):
            out.append((node, i))
            out.extend(positions(p))
    return out


def seqs(node):
    out = [node] if isinstance(node, shgen.Seq) else []
    for p in node.parts:
        if isinstance(p, shgen.Node):
            out.extend(seqs(p))
    return out


class Shrinker:
    def __init__(self, runner, aspects, budget_s):
        self.runner = runner
        self.aspects = aspects
        self.deadline = time.time() + budget_s
        self.tests = 0

    def interesting(self, tree):
        if time.time() > self.deadline:
            return False
        text = shgen.full_text(tree)
        self.tests += 1
        _, aspects = self.runner.run(text)
        return bool(aspects & self.aspects)

    def shrink_seq(self, tree, seq):
        """ddmin over the items of one Seq"""
        chunk = max(1, len(seq.parts) // 2)
        while chunk >= 1:
            i = 0
            while i < len(seq.parts) and len(seq.parts) > seq.keep:
                if len(seq.parts) - chunk < seq.keep:
                    break
                saved = seq.parts[:]
                del seq.parts[i:i + chunk]
                if self.interesting(tree):
                    continue
                seq.parts = saved
                i += chunk
            chunk //= 2

    def shrink(self, tree):
        changed = True
        while changed and time.time() < self.deadline:
            before = shgen.full_text(tree)
            for seq in seqs(tree):
                self.shrink_seq(tree, seq)
            for parent, i in positions(tree):
                if i >= len(parent.parts):
                    continue
                node = parent.parts[i]
                if not isinstance(node, shgen.Node):
                    continue
                for alt in node.alts:
                    parent.parts[i] = alt
                    if self.interesting(tree):
                        break
                    parent.parts[i] = node
            changed = shgen.full_text(tree) != before
        return tree


# ---- findings ---------------------------------------------------------------------------


def show_status(s):
    return str(s)


def write_finding(folder, seed, original, tree, res, aspects):
    text = shgen.full_text(tree)
    key = hashlib.sha1(shgen.render(tree).encode()).hexdigest()[:10]
    where = os.path.join(folder, key)
    new = not os.path.exists(where)
    os.makedirs(where, exist_ok=True)
    with open(os.path.join(where, "repro.sh"), "w") as f:
        f.write(text)
    with open(os.path.join(where, "original.sh"), "w") as f:
        f.write(original)
    for shell in ("dash", "minish"):
        r = res[shell]
        with open(os.path.join(where, shell + ".out"), "wb") as f:
            f.write(r["out"])
        with open(os.path.join(where, shell + ".err"), "wb") as f:
            f.write(r["err"])
    with open(os.path.join(where, "summary.txt"), "a") as f:
        f.write("seed %d: differs in %s; status dash %s, minish %s\n"
                % (seed, ", ".join(sorted(aspects)), res["dash"]["status"], res["minish"]["status"]))
    return where, new


def explain(res, aspects, text=None):
    lines = []
    if text is not None:
        lines.append("--- program (without the prelude and the state dump):")
        lines.append(text.rstrip("\n"))
    for shell in ("dash", "minish"):
        r = res[shell]
        lines.append("--- %s: status %s, stderr %s" % (shell, r["status"],
                     repr(r["err"].decode(errors="replace")[:300]) if r["err"] else "empty"))
    d = res["dash"]["out"].decode(errors="replace").splitlines()
    m = res["minish"]["out"].decode(errors="replace").splitlines()
    if d != m:
        lines.append("--- stdout: -dash +minish")
        lines.extend(l for l in difflib.unified_diff(d, m, "dash", "minish", lineterm="", n=1)
                     if not l.startswith(("---", "+++")))
    lines.append("--- differs in: " + ", ".join(sorted(aspects)))
    return "\n".join(lines)


# ---- main ------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description="differential fuzzing: minish against dash")
    ap.add_argument("minish")
    ap.add_argument("--dash", default=shutil.which("dash") or "dash")
    ap.add_argument("--seconds", type=float, default=0, help="run for this long (0: use --count)")
    ap.add_argument("--count", type=int, default=100, help="number of programs when --seconds is 0")
    ap.add_argument("--seed", type=int, default=None, help="first seed (default: from the clock)")
    ap.add_argument("--timeout", type=float, default=5, help="seconds per program per shell")
    ap.add_argument("--findings", default=None,
                    help="folder for findings (default: fuzz-diff-findings next to MINISH)")
    ap.add_argument("--shrink-seconds", type=float, default=120)
    ap.add_argument("--with", dest="with_", action="append", default=[], metavar="SWITCH",
                    help="generate a construct that shgen.SWITCHES leaves out")
    ap.add_argument("--replay", metavar="FILE", help="run FILE in both shells and show the difference")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()

    minish = os.path.abspath(args.minish)
    if not os.access(minish, os.X_OK):
        ap.error("%s: not an executable" % minish)
    dash = shutil.which(args.dash)
    if not dash:
        print("diff_fuzz.py: dash not found (apt-get install dash)", file=sys.stderr)
        return 77
    for w in args.with_:
        if w not in shgen.SWITCHES:
            ap.error("no switch %r (have: %s)" % (w, ", ".join(sorted(shgen.SWITCHES)) or "none"))
        del shgen.SWITCHES[w]
    runner = Runner(dash, minish, args.timeout)
    try:
        if args.replay:
            with open(args.replay) as f:
                text = f.read()
            res, aspects = runner.run(text)
            print(explain(res, aspects))
            rule = known_rule(text)
            if rule:
                print("--- known difference: " + rule)
            return 1 if aspects and not rule else 0
        return campaign(args, runner, minish)
    finally:
        runner.close()


STOP = []


def campaign(args, runner, minish):
    # SIGTERM / SIGINT end the campaign after the current program, with the summary
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: STOP.append(1))
    folder = args.findings or os.path.join(os.path.dirname(minish), "fuzz-diff-findings")
    seed = args.seed if args.seed is not None else int(time.time() * 1000) % 1000000000
    start = time.time()
    programs = 0
    known = {}
    timeouts = 0
    flaky = 0
    findings = []
    new_findings = 0
    while not STOP:
        if args.seconds > 0:
            if time.time() - start >= args.seconds:
                break
        elif programs >= args.count:
            break
        tree = shgen.generate(seed)
        text = shgen.full_text(tree)
        programs += 1
        res, aspects = runner.run(text)
        if aspects == {"timeout"} or (not aspects and res["dash"]["status"] == "timeout"):
            timeouts += 1
        if aspects and not runner.run(text)[1]:
            flaky += 1                         # a race in the program: not a finding
            if not args.quiet:
                print("seed %d: difference did not repeat (flaky), skipped" % seed, flush=True)
        elif aspects:
            sh = Shrinker(runner, aspects, args.shrink_seconds)
            small = sh.shrink(copy.deepcopy(tree))
            res2, aspects2 = runner.run(shgen.full_text(small))
            if not aspects2:                   # flaky, or the budget ran out mid-way
                small, res2, aspects2 = tree, res, aspects
            rule = known_rule(shgen.full_text(small))
            if rule:
                known[rule] = known.get(rule, 0) + 1
            else:
                where, new = write_finding(folder, seed, text, small, res2, aspects2)
                findings.append(where)
                new_findings += new
                if not args.quiet:
                    print("seed %d: %s finding %s (%d shrink runs)" % (seed,
                          "new" if new else "repeated", where, sh.tests), flush=True)
                    if new:
                        print(explain(res2, aspects2, shgen.render(small)), flush=True)
        seed += 1
    elapsed = time.time() - start
    print("diff_fuzz: %d programs, %d shell runs, %.0f s; %d differences (%d distinct), "
          "%d known%s, %d flaky, %d timeouts; last seed %d" %
          (programs, runner.runs, elapsed, len(findings), len(set(findings)), sum(known.values()),
           " (%s)" % ", ".join("%s %d" % kv for kv in sorted(known.items())) if known else "",
           flaky, timeouts, seed - 1))
    if findings:
        print("findings in " + folder)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
