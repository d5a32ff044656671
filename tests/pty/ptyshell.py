"""Helpers for the pexpect tests: start the real minish on a pseudo-terminal
in a throw-away HOME, talk to it, and check it left no zombie or stopped child.

The binary is $MINISH (default: build/minish under the repository root).
"""
import errno
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MINISH = os.path.abspath(os.environ.get('MINISH', os.path.join(ROOT, 'build', 'minish')))
PROMPT = '[minish]% '
PS2_RE = r'\r\n> '
TIMEOUT = 10
# Under Valgrind (tests/hostile/pty_valgrind.sh) every minish is 20-50 times
# slower, and CI runs it beside other tests on two cores: every time limit
# of these tests (a bound on a hang, or on "at once") is this much longer.
SLOWDOWN = 3 if os.environ.get('MINISH_UNDER_VALGRIND') else 1


def scaled(seconds):
    """SECONDS, stretched under Valgrind (SLOWDOWN)."""
    return seconds * SLOWDOWN


def default_signals():
    """Python ignores SIGPIPE and SIGXFSZ; a shell started from a terminal
    would not inherit that (and POSIX keeps signals ignored on entry)."""
    for sig in (signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(sig, signal.SIG_DFL)


class Shell:
    """One interactive minish.  Use as a context manager."""

    def __init__(self, ps1=PROMPT, cwd=None, extra_env=None, setup=None, args=('--norc',)):
        self.home = tempfile.mkdtemp(prefix='minish-pty-')
        if setup is not None:
            setup(self.home)          # files the shell must find when it starts
        with open(os.path.join(self.home, '.inputrc'), 'w') as f:
            f.write('set enable-bracketed-paste off\nset bell-style none\n')
        env = {k: v for k, v in os.environ.items()
               if k not in ('PS1', 'PS2', 'HISTFILE', 'HISTSIZE', 'ENV', 'PROMPT_COMMAND')}
        env.update(HOME=self.home, TERM='dumb', INPUTRC=os.path.join(self.home, '.inputrc'),
                   LC_ALL='C')
        if ps1 is not None:
            env['PS1'] = ps1
        env.update(extra_env or {})
        self.cwd = cwd or self.home
        self.child = pexpect.spawn(MINISH, list(args), env=env, cwd=self.cwd,
                                   encoding='utf-8', timeout=scaled(TIMEOUT),
                                   dimensions=(24, 200), preexec_fn=default_signals)
        SESSIONS.add(self.child.pid)  # it leads a session of its own (setsid)
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            if not self.closed and self.child.isalive():
                # a failed test: the shell, and every job it left in its
                # session (background jobs get no SIGHUP when it is killed)
                for pid in subprocess.run(['pgrep', '-s', str(self.child.pid)],
                                          capture_output=True, text=True).stdout.split():
                    if int(pid) != self.child.pid:
                        try:
                            os.kill(int(pid), signal.SIGKILL)
                        except ProcessLookupError:
                            pass
                self.child.kill(9)
                self.child.wait()
        finally:
            shutil.rmtree(self.home, ignore_errors=True)
        return False

    # ---- talking ----

    def expect(self, pattern, timeout=TIMEOUT):
        return self.child.expect(pattern, timeout=scaled(timeout))

    def expect_exact(self, text, timeout=TIMEOUT):
        return self.child.expect_exact(text, timeout=scaled(timeout))

    def prompt(self, timeout=TIMEOUT):
        self.child.expect_exact(PROMPT, timeout=scaled(timeout))

    def run(self, line, timeout=TIMEOUT):
        """Send LINE, wait for the next prompt, return what was printed in
        between (the echoed line removed, \\r\\n turned into \\n)."""
        self.child.sendline(line)
        self.child.expect_exact(PROMPT, timeout=scaled(timeout))
        out = self.child.before.replace('\r\n', '\n')
        first_nl = out.find('\n')
        return out[first_nl + 1:] if first_nl >= 0 else ''

    def status(self):
        """$? of the last command, as a number."""
        return int(self.run('echo $?').strip().splitlines()[-1])

    def send(self, text):
        self.child.send(text)

    def sendline(self, text=''):
        self.child.sendline(text)

    def ctrl(self, letter):
        self.child.sendcontrol(letter)

    # ---- the end ----

    def children(self):
        """(pid, state, command) of the shell's children."""
        out = subprocess.run(['ps', '--ppid', str(self.child.pid), '-o', 'pid=,stat=,args='],
                             capture_output=True, text=True).stdout
        rows = []
        for line in out.splitlines():
            parts = line.split(None, 2)
            if len(parts) >= 2:
                rows.append((int(parts[0]), parts[1], parts[2] if len(parts) > 2 else ''))
        return rows

    def assert_no_leftovers(self):
        """No zombie (Z) and no stopped (T) child may remain.  The prompt
        has been shown, so the shell had its chance to reap."""
        deadline = time.time() + scaled(3)
        while True:
            bad = [r for r in self.children() if r[1][0] in 'ZT']
            if not bad or time.time() > deadline:
                break
            time.sleep(0.1)
        assert not bad, 'left-over children: %r' % bad

    def exit(self, line='exit'):
        self.assert_no_leftovers()
        self.child.sendline(line)
        self.child.expect(pexpect.EOF, timeout=scaled(TIMEOUT))
        self.child.close()
        self.closed = True
        return self.child.exitstatus


# The sessions of the shells this run started.  Looking for processes only
# in them keeps tests apart from other runs of the same tests on the machine
# (ctest runs `pty` and `valgrind_pty` side by side).
SESSIONS = set()


def pgrep(pattern):
    """Pids (strings) of the processes whose command line matches PATTERN,
    in the sessions of the shells started by this run."""
    if not SESSIONS:
        return []
    r = subprocess.run(['pgrep', '-s', ','.join(str(s) for s in sorted(SESSIONS)),
                        '-f', pattern], capture_output=True, text=True)
    return r.stdout.split()


def wait_for(check, timeout=5):
    """Poll CHECK() until it returns something true (returned) or TIMEOUT
    seconds (scaled) pass (then its last value)."""
    deadline = time.time() + scaled(timeout)
    while True:
        value = check()
        if value or time.time() > deadline:
            return value
        time.sleep(0.05)


def wait_gone(pattern, timeout=5):
    """True once no process's command line matches PATTERN."""
    return wait_for(lambda: not pgrep(pattern), timeout)


def in_foreground(pattern, timeout=5):
    """True once a process whose command line matches PATTERN is in the
    terminal's foreground process group (a `+` in its `ps` STAT): the shell
    has given it the terminal, so a key such as Ctrl-Z or Ctrl-C reaches it."""
    return wait_for(lambda: any('+' in ''.join(ps_of(p, 'stat')) for p in pgrep(pattern)),
                    timeout)


def wait_execd(pattern, count=1, timeout=5):
    """The pids of COUNT processes whose command line matches PATTERN, once
    there are that many (else []).  A child carries its own command line
    only once it has exec'd (until then, the shell's), so by then it has
    also reset the signals the shell ignores or catches: a kill now reaches
    it.  (Under Valgrind, whose execve drops the signals pending at that
    moment, a kill sent before the exec can be lost.)"""
    def found():
        pids = pgrep(pattern)
        return pids if len(pids) >= count else []
    return wait_for(found, timeout)


def make_gate(directory, name='gate'):
    """A named pipe DIRECTORY/NAME: a job `cat NAME` started there runs
    until open_gate(path) lets it end (exit 0), at the moment the test
    chooses, not after some time that a slow machine may not keep to."""
    path = os.path.join(directory, name)
    os.mkfifo(path)
    return path


def open_gate(path, data=b'', timeout=5):
    """Once a reader has the named pipe PATH open (its `cat` has exec'd and
    opened it), open it for writing, write DATA (a few bytes) and close it
    again: the reader gets DATA, then the end of its input, and exits.
    True if that happened in time."""
    def try_open():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as e:
            if e.errno != errno.ENXIO:   # ENXIO: no reader yet
                raise
            return False
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        return True
    return wait_for(try_open, timeout)


def wait_ended(*pids, timeout=10):
    """True once each process of PIDS has ended (gone, or a zombie the shell
    has yet to reap).  By pid, not by name: a child that has not exec'd yet
    (slow under Valgrind) carries the shell's command line, not its own."""
    def ended(pid):
        stat = ps_of(pid, 'stat')
        return not stat or stat[0].startswith('Z')
    return wait_for(lambda: all(ended(p) for p in pids), timeout)


def sleeping_in(pid, kernel_functions, timeout=5):
    """True once process PID sleeps in the kernel in one of KERNEL_FUNCTIONS
    (its /proc wchan starts with it), e.g. 'do_wait' for waitpid."""
    return wait_for(lambda: any(w.startswith(kernel_functions) for w in ps_of(pid, 'wchan')),
                    timeout)


def ps_of(pid, fields):
    """`ps -o FIELDS= -p PID` split into words ([] if PID is gone)."""
    out = subprocess.run(['ps', '-o', fields + '=', '-p', str(pid)],
                         capture_output=True, text=True).stdout
    return out.split()


def run_minish(args, stdin=''):
    """Run minish without a terminal; returns (status, stdout, stderr)."""
    r = subprocess.run([MINISH] + list(args), input=stdin, capture_output=True,
                       text=True, timeout=scaled(TIMEOUT), start_new_session=True)
    return r.returncode, r.stdout, r.stderr


def prompt_char():
    return '#' if os.geteuid() == 0 else '$'


def contains_line(text, want):
    return any(line.strip() == want for line in text.splitlines())


__all__ = ['Shell', 'PROMPT', 'PS2_RE', 'wait_gone', 'wait_for', 'pgrep', 'prompt_char', 'contains_line', 're',
           'ps_of', 'in_foreground', 'sleeping_in', 'wait_ended', 'wait_execd', 'make_gate',
           'open_gate', 'scaled', 'run_minish', 'MINISH', 'ROOT']
