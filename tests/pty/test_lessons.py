"""Lessons typed at an interactive prompt, line by line, as a student would:
each ```minish-session block of the chosen lessons in a fresh interactive
minish on a pty, with the victims and minish on PATH (the lessons' setup).

The interactive shell adds what a script does not print: job notices
("[1] PID" after '&', "[1]+  Done ..." before a prompt, the stop notice).
Those lines, and blank lines, are set aside on both sides before the
comparison; everything else must match the lesson, line for line."""
import os
import re
import sys
import time

from ptyshell import Shell, MINISH, ROOT

sys.path.insert(0, os.path.join(ROOT, 'tests', 'teach'))
import lessonlib  # noqa: E402

VICTIMS = os.environ.get('MINISH_VICTIMS', os.path.join(os.path.dirname(MINISH), 'victims'))


def wrapped():
    """True when MINISH is a wrapper script (tests/hostile/pty_valgrind.sh runs
    every minish under Valgrind that way): the lessons describe the real
    binary (its /proc/PID/exe, its maps), so they are typed only without one."""
    with open(MINISH, 'rb') as f:
        return f.read(2) == b'#!' or not os.path.isdir(VICTIMS)
NOTICE = re.compile(r'^\[\d+\][+-]?( \d+$|\s+(Done|Running|Stopped|Terminated|Killed|Exit)\b)'
                    # a script says how a waited-for job died ("Terminated"); at a
                    # prompt the same news comes as the job notice above
                    r'|^(Terminated|Killed|Hangup)$')


def typed_env():
    env = lessonlib.path_env(MINISH, VICTIMS)
    return {'PATH': env['PATH']}


def children_execd(shell_pid, timeout=5):
    """Wait until every child of SHELL_PID runs its own program, not a copy of
    minish, and has got as far as waiting (state S or T: its libraries are
    mapped): what a person typing the next line can take for granted.  (The
    lessons start only programs that wait, such as `sleep 30 &`.)"""
    me = os.path.realpath(MINISH)
    deadline = time.time() + timeout
    while time.time() < deadline:
        forked = []
        for d in os.listdir('/proc'):
            if not d.isdigit():
                continue
            try:
                stat = open('/proc/%s/stat' % d).read()
                ppid = int(stat[stat.rindex(')') + 2:].split()[1])
                state = stat[stat.rindex(')') + 2:].split()[0]
                if ppid != shell_pid:
                    continue
                if os.path.realpath('/proc/%s/exe' % d) == me or state not in 'STZX':
                    forked.append(d)
            except (OSError, ValueError):
                continue
        if not forked:
            return
        time.sleep(0.01)
    raise AssertionError('a background child of the shell never exec\'d')


def strip_notices(lines):
    return [l for l in lines if l.strip() != '' and not NOTICE.match(l)]


def type_lesson(name):
    if wrapped():
        print('skipped %s: minish is a wrapper script (Valgrind) or %s is missing' % (name, VICTIMS))
        return
    path = os.path.join(ROOT, 'docs', 'lessons', name)
    typed = 0
    for info, cmds in lessonlib.blocks(path):
        if lessonlib.skip_reason(info) is not None:
            continue
        with Shell(extra_env=typed_env()) as sh:
            sh.prompt()
            for cmd, want in cmds:
                got = sh.run(cmd, timeout=20)
                if cmd.rstrip().endswith('&'):
                    children_execd(sh.child.pid)
                daemon = lessonlib.DAEMON.match(cmd)
                if daemon:
                    pidfile = os.path.join(os.readlink('/proc/%d/cwd' % sh.child.pid),
                                           daemon.group(1))
                    assert lessonlib.daemon_settled(pidfile), 'the daemon never slept'
                if lessonlib.matches(info, want, got):
                    continue
                w, g = strip_notices(want), strip_notices(got.splitlines())
                text = ''.join(l + '\n' for l in g)
                assert lessonlib.matches(info, w, text), (
                    '%s: `%s`\n--- expected\n%s\n--- got\n%s' % (name, cmd, '\n'.join(want), got))
            sh.exit()
        typed += 1
    assert typed > 0, name + ': nothing was typed'


def test_lesson_01_processes():
    type_lesson('01-processes.md')


def test_lesson_04_wait():
    type_lesson('04-wait-exit-status.md')


def test_lesson_09_groups():
    type_lesson('09-groups-sessions.md')


def test_lesson_10_signals():
    type_lesson('10-signals-jobs.md')


def test_lesson_11_subreaper():
    type_lesson('11-orphans-subreaper.md')


def test_lesson_18_exit_closes_fds():
    type_lesson('18-exit-closes-fds.md')


def test_interactive_stop_notice():
    """Lesson 10: at a prompt, a job that stops is announced at once, as bash does."""
    if wrapped():
        return
    with Shell(extra_env=typed_env()) as sh:
        sh.prompt()
        out = sh.run('set -m; stop_self')
        assert re.search(r'^\[1\]\+\s+Stopped.*stop_self$', out, re.M), out
        sh.run('kill -KILL %1')
        sh.run(':')
        sh.exit()


def test_interactive_groups_differ_from_script():
    """Lesson 09: typed, `ids | cat` leads its own group; in a script it stays in the shell's."""
    if wrapped():
        return
    with Shell(extra_env=typed_env()) as sh:
        sh.prompt()
        out = sh.run("ids | awk -v sh=\"$(ps -o pgid= $$)\" -F'[= ]' '{print ($6 == sh + 0) ? \"shell\" : \"own\"}'")
        assert out.strip().splitlines()[-1] == 'own', out
        out = sh.run("minish -c 'ids | cat' | awk -F'[= ]' '{print ($2 == $6) ? \"own\" : \"shell\"}'")
        assert out.strip().splitlines()[-1] == 'shell', out
        sh.exit()


def test_lesson_05_zombies():
    type_lesson('05-zombies-orphans.md')


def test_lesson_13_process_image():
    type_lesson('13-process-image.md')


def test_lesson_16_daemons():
    type_lesson('16-daemons-sessions.md')
