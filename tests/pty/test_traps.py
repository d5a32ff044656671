"""Signals and traps at an interactive minish and under -m (nothing
lost, nothing ignored that should kill, `wait` interruptible)."""
import os
import time

import pexpect

from ptyshell import MINISH, Shell, contains_line, default_signals, sleeping_in, wait_gone


def test_kill_of_a_just_started_job_is_never_lost():
    # The interactive shell ignores SIGTERM for itself; a child that had not
    # reset it yet would ignore the kill.  Twenty times in a row.  The spawn
    # path's vfork keeps the shell waiting until the child has reset it;
    # under Valgrind vfork is a plain fork, so this is not checked there.
    if os.environ.get('MINISH_UNDER_VALGRIND'):
        return
    with Shell() as sh:
        sh.prompt()
        for _ in range(20):
            out = sh.run('sleep 100 & kill $!; wait $!; echo "st=$?"')
            assert contains_line(out, 'st=143'), out
        for _ in range(5):
            out = sh.run('sleep 100 & kill -INT $!; wait $!; echo "st=$?"')
            assert contains_line(out, 'st=130'), out
        assert sh.exit() == 0


def test_ctrl_c_interrupts_wait_and_keeps_the_job():
    with Shell() as sh:
        sh.prompt()
        sh.run('sleep 301 &')
        sh.sendline('wait; echo not-reached')
        assert sleeping_in(sh.child.pid, ('do_wait', 'sigsuspend'))   # the shell waits
        start = time.time()
        sh.ctrl('c')
        sh.prompt(timeout=5)
        assert time.time() - start < 5
        assert sh.status() == 130
        out = sh.run('jobs')
        assert 'Running' in out and 'sleep 301' in out, out
        sh.run('kill %1')
        assert wait_gone('sleep 301')
        assert sh.exit() == 0


def test_interactive_shell_ignores_term_and_quit():
    with Shell() as sh:
        sh.prompt()
        out = sh.run('kill -TERM $$; kill -QUIT $$; echo alive')
        assert contains_line(out, 'alive'), out
        assert sh.exit() == 0


def test_trap_reset_in_a_subshell_gives_the_default_back():
    # the subshell of an interactive shell is not interactive: `trap - INT`
    # is SIG_DFL there, not the shell's own Ctrl-C handler
    with Shell() as sh:
        sh.prompt()
        out = sh.run("(trap - INT; sh -c 'kill -INT $PPID'; echo survived)")
        assert 'survived' not in out.replace('echo survived', ''), out
        assert sh.status() == 130
        assert sh.exit() == 0


def spawn_script(command):
    """COMMAND run by sh -c on a pseudo-terminal; returns (output, status)."""
    child = pexpect.spawn('/bin/sh', ['-c', command], encoding='utf-8', timeout=10,
                          env=dict(os.environ, MINISH=MINISH), preexec_fn=default_signals)
    child.expect(pexpect.EOF)
    child.close()
    status = child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus
    return child.before.replace('\r\n', '\n'), status


def test_monitor_script_still_dies_of_term():
    out, status = spawn_script('"$MINISH" -m -c \'kill -s TERM $$; echo survived\'; echo "st=$?"')
    assert contains_line(out, 'st=143'), out
    assert 'survived' not in out


def test_monitor_script_still_dies_of_int_quit_and_hup():
    for sig, status in (('INT', 130), ('QUIT', 131), ('HUP', 129)):
        out, _ = spawn_script('"$MINISH" -m -c \'kill -s %s $$; echo survived\'; echo "st=$?"' % sig)
        assert contains_line(out, 'st=%d' % status), (sig, out)


def test_monitor_script_cannot_trap_what_was_ignored_on_entry():
    for sig in ('TERM', 'TSTP', 'TTOU', 'TTIN'):
        out, _ = spawn_script("trap '' %s; \"$MINISH\" -m -c 'trap \"echo trapped\" %s; "
                              "kill -s %s $$; echo done'" % (sig, sig, sig))
        assert contains_line(out, 'done'), (sig, out)
        assert 'trapped' not in out.replace('echo trapped', ''), (sig, out)


def test_monitor_script_can_trap_tstp():
    out, _ = spawn_script('"$MINISH" -m -c \'trap "echo trapped" TSTP; kill -s TSTP $$; echo done\'')
    assert contains_line(out, 'trapped') and contains_line(out, 'done'), out
