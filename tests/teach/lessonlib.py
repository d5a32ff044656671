"""lessonlib.py -- reading and checking the ```minish-session blocks of
docs/lessons/*.md; shared by tests/teach/teach.py (as scripts) and
tests/pty/test_lessons.py (typed at an interactive prompt).

Rules (also in docs/lessons/README.md):
  * "$ " starts a command; the lines up to the next "$ " are its output.
  * <pid> or <n> in an expected line matches any number, <*> any text, and a
    line "..." any number of lines.
  * The fence's info string may say:
      unordered  compare each command's lines in any order
      root       needs euid 0: skipped (one line saying so) otherwise
      uts        needs a private UTS namespace (root, CAP_SYS_ADMIN): probed
      suid       needs root, setpriv(1) and a temporary directory without nosuid
"""
import os
import re
import shutil
import subprocess
import tempfile

BLOCK = re.compile(r"^```minish-session([^\n]*)\n(.*?)^```", re.M | re.S)

# After a command ending in '&', a person types the next line seconds later:
# by then the background program has exec'd, its dynamic linker has mapped
# its libraries, and it waits (sleep, read).  A script must wait for that
# state (never sleep and hope): until $!'s program is no longer the shell's
# and the process sleeps (S), is stopped (T) or has ended (Z, or gone).  A
# program that never sleeps ends the loop after 1000 rounds.
SETTLE = ('__n=0; while [ "$__n" -lt 1000 ] && '
          '{ [ "$(readlink /proc/$!/exe 2>/dev/null)" = "$(readlink /proc/$$/exe)" ] || '
          '{ [ -e /proc/$!/status ] && ! grep -q "^State:.[STZX]" /proc/$!/status; }; }; '
          'do __n=$((__n + 1)); done; unset __n')

# `daemonize PIDFILE ...` returns once the daemon said "ready", which it
# says just before it goes to sleep: a person typing the next line finds it
# sleeping.  A script waits for that, by the pid in PIDFILE (1000 rounds at
# most, as above).
DAEMON = re.compile(r"^daemonize (\S+)")


def settle_daemon(pidfile):
    return ('__n=0; __d=$(cat %s 2>/dev/null); while [ "$__n" -lt 1000 ] && [ -n "$__d" ] && '
            '[ -e /proc/$__d/status ] && ! grep -q "^State:.[STZX]" /proc/$__d/status; '
            'do __n=$((__n + 1)); done; unset __n __d' % pidfile)


def daemon_settled(pidfile, timeout=5):
    """The same from Python: True once the pid in PIDFILE sleeps, is
    stopped, has ended or is gone."""
    import time
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            pid = open(pidfile).read().strip()
            state = [l for l in open('/proc/%s/status' % pid) if l.startswith('State:')][0]
            if state.split()[1] in 'STZX':
                return True
        except (OSError, IndexError):
            return True     # no pid file or no process: nothing to wait for
        time.sleep(0.01)
    return False


def blocks(path):
    """[(info, [(command, [expected lines])])] of one lesson file."""
    out = []
    for info, body in BLOCK.findall(open(path).read()):
        cmds, cur = [], None
        for line in body.splitlines():
            if line.startswith("$ "):
                cur = (line[2:], [])
                cmds.append(cur)
            elif cur is not None:
                cur[1].append(line)
        out.append((info.split(), cmds))
    return out


def skip_reason(info):
    """None if the block can run here, else one line saying what it needs."""
    if ("root" in info or "uts" in info or "suid" in info) and os.geteuid() != 0:
        return "needs root (euid 0)"
    if "suid" in info:
        if shutil.which("setpriv") is None:
            return "needs setpriv(1) (util-linux)"
        if os.statvfs(tempfile.gettempdir()).f_flag & os.ST_NOSUID:
            return "needs a temporary directory not mounted nosuid"
    if "uts" in info:
        probe = shutil.which("unshare")
        if probe is None or subprocess.run([probe, "-u", "true"], capture_output=True).returncode:
            return "needs a private UTS namespace (CAP_SYS_ADMIN; unshare -u failed)"
    return None


def expected_regex(lines):
    parts = []
    for line in lines:
        if line == "...":
            parts.append(r"(?:.*\n)*?")
            continue
        esc = re.escape(line)
        esc = esc.replace(re.escape("<pid>"), r"\d+").replace(re.escape("<n>"), r"\d+")
        esc = esc.replace(re.escape("<*>"), r".*")
        parts.append(esc + r"\n")
    return re.compile("".join(parts) + r"\Z")


def unordered_match(want, got):
    """Every expected line matches a distinct output line, and none is left over."""
    lines = got.splitlines()
    for w in want:
        rx = expected_regex([w])
        hit = next((i for i, l in enumerate(lines) if rx.match(l + "\n")), None)
        if hit is None:
            return False
        del lines[hit]
    return not lines


def matches(info, want, got):
    if "unordered" in info:
        return unordered_match(want, got)
    return expected_regex(want).match(got) is not None


def path_env(minish, victims):
    """The environment a lesson's setup makes: victims and minish on PATH."""
    e = dict(os.environ)
    e["PATH"] = victims + ":" + os.path.dirname(minish) + ":" + e.get("PATH", "/usr/bin:/bin")
    e.pop("ENV", None)
    return e
