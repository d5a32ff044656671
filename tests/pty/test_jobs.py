"""Job control on the terminal: Ctrl-Z, jobs, bg, fg, kill %1, exit with stopped jobs."""
import time

import pexpect

from ptyshell import (Shell, PROMPT, in_foreground, make_gate, open_gate, pgrep, ps_of, re, scaled,
                      sleeping_in, wait_ended, wait_execd, wait_for, wait_gone)


def stop_foreground(sh, command):
    sh.prompt()
    sh.sendline(command)
    # Every stage, not just the first: the first stage takes the terminal
    # as it starts, so a Ctrl-Z typed before a later stage is forked (a
    # long window under Valgrind) stops only the stages already there.
    for stage in command.split('|'):
        assert in_foreground('^%s$' % stage.strip()), stage
    sh.ctrl('z')
    sh.expect('Stopped')
    sh.prompt()


def test_ctrl_z_then_jobs_bg_kill():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 301')
        out = sh.run('jobs')
        assert 'Stopped' in out and 'sleep 301' in out, out
        pid = sh.run('jobs -p').strip()
        sh.run('bg')
        out = sh.run('jobs')
        assert 'Running' in out, out
        sh.run('kill %1')
        # ended (a zombie at least, so the shell can reap it), by pid: a
        # name goes from the command line before the process can be reaped
        assert wait_ended(pid)           # reaped at the next prompt, its notice before it
        sh.run(':')
        out = sh.run('jobs')
        assert 'sleep 301' not in out, out
        assert wait_gone('sleep 301')
        assert sh.exit() == 0


def test_stopped_job_resumed_with_fg():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 302')
        sh.sendline('fg')
        sh.expect('sleep 302')
        assert in_foreground('sleep 302')
        sh.ctrl('c')
        sh.prompt(timeout=5)
        assert sh.status() == 130
        assert wait_gone('sleep 302')
        assert sh.exit() == 0


def test_stopped_pipeline_resumed_with_fg():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 303 | cat')
        out = sh.run('jobs')
        assert 'Stopped' in out and 'sleep 303 | cat' in out, out
        sh.sendline('fg')
        sh.expect('sleep 303')
        assert in_foreground('sleep 303')
        sh.ctrl('c')
        sh.prompt(timeout=5)
        assert sh.status() == 130
        assert wait_gone('sleep 303')
        assert sh.exit() == 0


def test_exit_with_stopped_job_warns_then_exits():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 304')
        out = sh.run('exit')
        assert 'stopped' in out.lower(), out
        sh.sendline('exit')
        sh.expect(pexpect.EOF, timeout=5)
        sh.closed = True
        assert wait_gone('sleep 304'), 'the stopped job outlived the shell'


def test_background_job_done_notice():
    with Shell() as sh:
        gate = make_gate(sh.home)
        sh.prompt()
        # the job ends when the test opens its gate, not after a time a slow
        # shell could take to draw the prompt (the notice would come before it)
        out = sh.run('cat gate &')
        assert '[1]' in out and 'Done' not in out, out
        assert open_gate(gate)
        assert wait_ended(re.search(r'\[1\] (\d+)', out).group(1))
        out = sh.run(':')
        assert 'Done' in out, out
        assert sh.exit() == 0


# ---- process groups, the terminal, signals of children -------------------------

def test_ctrl_z_status_148_and_notice_on_its_own_line():
    with Shell() as sh:
        sh.prompt()
        sh.sendline('sleep 305')
        assert in_foreground('sleep 305')
        sh.ctrl('z')
        sh.expect(r'\^Z\r\n\[1\]\+  Stopped +sleep 305\r\n')
        sh.prompt()
        assert sh.status() == 148
        sh.run('kill %1')
        assert wait_gone('sleep 305')
        assert sh.exit() == 0


def test_foreground_job_has_own_group_and_the_terminal():
    from ptyshell import ps_of
    with Shell() as sh:
        sh.prompt()
        shell = sh.child.pid
        assert ps_of(shell, 'pgid') == [str(shell)]         # the shell leads its group
        assert ps_of(shell, 'tpgid') == [str(shell)]        # and owns the terminal
        out = sh.run("sh -c 'echo pg=$(ps -o pgid= -p $$) tp=$(ps -o tpgid= -p $$) me=$$'")
        m = re.search(r'pg=\s*(\d+) tp=\s*(\d+) me=(\d+)', out)
        assert m, out
        assert m.group(1) == m.group(3) != str(shell), out  # a group of its own
        assert m.group(2) == m.group(1), out                # holding the terminal
        assert ps_of(shell, 'tpgid') == [str(shell)]        # given back afterwards
        assert sh.exit() == 0


def test_pipeline_stages_share_one_group():
    with Shell() as sh:
        sh.prompt()
        out = sh.run("sh -c 'ps -o pgid= -p $$' | cat; sh -c 'echo $$' | cat")
        # both stages of the first pipeline: same group, not the shell's
        sh.run('sleep 306 | sleep 307 &')
        assert wait_for(lambda: len(pgrep('sleep 30[67]')) == 2)   # both started
        groups = subprocess_pgids('sleep 30[67]')
        assert len(groups) == 2 and len(set(groups)) == 1, groups
        assert groups[0] != str(sh.child.pid)
        sh.run('kill %1')
        assert wait_gone('sleep 30[67]')
        assert sh.exit() == 0


def subprocess_pgids(pattern):
    return [g for p in pgrep(pattern) for g in ps_of(p, 'pgid')]


def test_terminal_modes_restored_after_a_job_broke_them():
    with Shell() as sh:
        sh.prompt()
        sh.sendline("sh -c 'stty raw -echo; kill -9 $$'")
        sh.prompt()
        out = sh.run('stty -a')
        words = out.split()
        assert 'icanon' in words and 'echo' in words, out
        assert sh.exit() == 0


def test_children_get_default_signals_and_empty_mask():
    with Shell() as sh:
        sh.prompt()
        out = sh.run("grep -E '^Sig(Ign|Blk)' /proc/self/status")
        assert re.search(r'SigBlk:\s*0+\n', out), out
        # Only the classic signals 1-31: glibc's internal real-time signals
        # (32, 33) may arrive ignored from whoever started the test, and a
        # signal ignored on entry stays ignored (POSIX).
        ign = int(re.search(r'SigIgn:\s*([0-9a-f]+)', out).group(1), 16)
        assert ign & 0x7fffffff == 0, out
        assert sh.exit() == 0


# ---- job builtins ----------------------------------------------------------------

def test_jobs_l_and_p_show_pids_and_marks():
    with Shell() as sh:
        sh.prompt()
        sh.run('sleep 308 &')
        pid1 = sh.run('echo $!').strip()
        sh.run('sleep 309 &')
        pid2 = sh.run('echo $!').strip()
        assert wait_execd('^sleep 30[89]$', 2)      # so the kill below reaches them
        out = sh.run('jobs -l')
        assert re.search(r'\[1\]- +%s Running +sleep 308 &' % pid1, out), out
        assert re.search(r'\[2\]\+ +%s Running +sleep 309 &' % pid2, out), out
        out = sh.run('jobs -p')
        assert out.split() == [pid1, pid2], out
        sh.run('kill %1 %2')
        assert wait_gone('sleep 30[89]')
        assert sh.exit() == 0


def test_job_specs_and_notices_each_once():
    with Shell() as sh:
        sh.prompt()
        for n in (310, 311, 312, 313):
            sh.run('sleep %d &' % n)
        pids = sh.run('jobs -p').split()
        assert wait_execd('^sleep 31[0-3]$', 4)     # so the kills below reach them
        out = sh.run('kill %sleep')
        assert 'ambiguous' in out, out
        out = sh.run('kill %?311')           # %?string
        out += sh.run('kill -9 %1')          # %n, and Killed
        assert wait_ended(pids[0], pids[1])
        out += sh.run(':')
        assert re.search(r'\[1\] +Killed +sleep 310', out), out
        assert re.search(r'\[2\] +Terminated +sleep 311', out), out
        out = sh.run(':')                    # each notice once
        assert 'Killed' not in out and 'Terminated' not in out, out
        out = sh.run('jobs')
        assert re.search(r'\[3\]- +Running +sleep 312', out), out
        assert re.search(r'\[4\]\+ +Running +sleep 313', out), out
        out = sh.run('kill %-')              # the previous job
        out += sh.run('kill %%')             # the current one
        assert wait_ended(pids[2], pids[3])
        out += sh.run(':')
        assert 'sleep 312' in out and 'sleep 313' in out, out
        assert wait_gone('sleep 31[0-3]')
        assert sh.exit() == 0


def test_fg_by_number_and_bg_marks():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 314')
        sh.sendline('sleep 315')
        assert in_foreground('sleep 315')
        sh.ctrl('z')
        sh.expect('Stopped')
        sh.prompt()
        out = sh.run('jobs')
        assert re.search(r'\[1\]- +Stopped +sleep 314', out), out
        assert re.search(r'\[2\]\+ +Stopped +sleep 315', out), out
        out = sh.run('bg %1')
        assert '[1]- sleep 314 &' in out, out
        sh.sendline('fg %1')
        sh.expect('sleep 314')
        assert in_foreground('sleep 314')
        sh.ctrl('c')
        sh.prompt()
        assert wait_gone('sleep 314')
        sh.run('kill %2')                    # stopped: kill continues it too (bash)
        assert wait_gone('sleep 315')
        assert sh.exit() == 0


def test_wait_for_job_returns_its_status():
    with Shell() as sh:
        gate = make_gate(sh.home)
        sh.prompt()
        # the job ends while `wait` waits for it (had it ended before the
        # prompt came, it would have been reported there and forgotten)
        sh.run("sh -c 'cat gate; exit 7' &")
        sh.sendline('wait %1; echo st=$?')
        assert sleeping_in(sh.child.pid, ('do_wait', 'sigsuspend'))
        assert open_gate(gate)
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert 'st=7' in out.replace('st=$?', ''), out
        out = sh.run('jobs')
        assert out.strip() == '', out        # wait consumed it: no later Done notice
        assert sh.exit() == 0


def test_disown_forgets_job_but_it_is_still_reaped():
    with Shell() as sh:
        sh.prompt()
        sh.run('sleep 316 &')
        pid = sh.run('echo $!').strip()
        assert wait_execd('^sleep 316$')            # so the kill below reaches it
        sh.run('disown %1')
        assert sh.run('jobs').strip() == ''
        sh.run('kill %s' % pid)
        assert wait_gone('sleep 316')
        sh.run(':')
        sh.assert_no_leftovers()             # no zombie of the disowned job
        assert sh.exit() == 0


def test_exit_with_stopped_job_warns_once_exactly():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 317')
        out = sh.run('exit')
        assert 'There are stopped jobs.' in out, out
        sh.sendline('exit')
        sh.expect(pexpect.EOF, timeout=5)
        sh.closed = True
        assert wait_gone('sleep 317')


def test_without_terminal_fg_bg_fail_and_jobs_are_reaped():
    from ptyshell import run_minish
    st, out, err = run_minish(['-c', 'fg'])
    assert st == 1 and 'fg: no job control' in err, (st, err)
    st, out, err = run_minish(['-c', 'bg %1'])
    assert st == 1 and 'bg: no job control' in err, (st, err)
    # the shell reaps them while it runs foreground commands: the loop ends
    # once both are reaped (kill -0 still finds a zombie), or after 40 turns
    # (then the count of zombies says why), not after a fixed time a slow
    # machine may not keep to
    st, out, err = run_minish(['-c', 'sleep 0.1 & a=$!; sleep 0.1 & b=$!; n=0; '
                                     'while { kill -0 $a || kill -0 $b; } 2>/dev/null '
                                     '&& [ $n -lt 40 ]; do sleep 0.2; n=$((n+1)); done; '
                                     'ps -o stat= --ppid $$ | grep -c Z'])
    assert out.strip() == '0', (out, err)


def test_hangup_saves_history_and_hangs_up_jobs():
    import os
    import signal
    with Shell() as sh:
        sh.prompt()
        sh.run('echo before-hangup')
        sh.run('sleep 318 &')
        assert wait_execd('^sleep 318$')            # so the hangup reaches it
        sh.sendline('sleep 319')
        assert in_foreground('sleep 319')
        sh.ctrl('z')
        sh.prompt()
        os.kill(sh.child.pid, signal.SIGHUP)
        sh.expect(pexpect.EOF, timeout=5)
        sh.closed = True
        text = open(os.path.join(sh.home, '.minish_history')).read()
        assert 'echo before-hangup' in text and 'sleep 319' in text, text
        assert wait_gone('sleep 318') and wait_gone('sleep 319')


def test_set_b_reports_at_once_while_typing():
    """set -b: Done appears while readline waits, with no key pressed, and
    the prompt and the half-typed line are drawn again after it."""
    with Shell() as sh:
        gate = make_gate(sh.home)
        sh.prompt()
        sh.run('set -b')
        sh.run('cat gate &')
        sh.send('echo hel')
        sh.expect_exact('echo hel')                 # readline has the text
        assert open_gate(gate)                      # only now does the job end
        sh.expect(r'\[1\]\+  Done +cat gate')
        sh.expect(re.escape(PROMPT) + 'echo hel')   # redrawn
        sh.sendline('lo')
        sh.expect('hello')
        sh.prompt()
        assert sh.exit() == 0


def test_job_control_shell_gives_the_terminal_back():
    """minish -m from a parent without job control takes the terminal for
    its jobs; when it ends (exit, end of -c, exec) the parent's group is
    the terminal's foreground group again, as with dash."""
    import os
    import pexpect
    from ptyshell import MINISH
    for script in ('true', 'sleep 0.1; exit 3', 'exec true'):
        p = pexpect.spawn('/bin/sh', ['-c', '"$0" -m -c "$1"; ps -o pgid=,tpgid= -p $$',
                                      MINISH, script],
                          encoding='utf-8', timeout=scaled(10))
        p.expect(r'(\d+)\s+(\d+)')
        pgid, tpgid = p.match.group(1), p.match.group(2)
        p.expect(pexpect.EOF)
        assert pgid == tpgid, (script, pgid, tpgid)


def test_job_control_shell_killed_by_a_signal_gives_the_terminal_back():
    """minish -m killed by a signal it does not trap (TERM, HUP, INT, USR1)
    still dies of it, as dash does, but first hands the terminal back, so
    the parent shell is not left in the background with an empty group."""
    import pexpect
    from ptyshell import MINISH
    for sig, status in (('TERM', 143), ('HUP', 129), ('INT', 130), ('USR1', 138)):
        p = pexpect.spawn('/bin/sh', ['-c', '"$0" -m -c "kill -s $1 \\$\\$; echo survived"; '
                                      'echo "st=$?"; ps -o pgid=,tpgid= -p $$', MINISH, sig],
                          encoding='utf-8', timeout=scaled(10))
        p.expect(r'st=(\d+)')
        assert p.match.group(1) == str(status), (sig, p.before, p.match.group(0))
        assert 'survived' not in p.before, (sig, p.before)
        p.expect(r'(\d+)\s+(\d+)')
        pgid, tpgid = p.match.group(1), p.match.group(2)
        p.expect(pexpect.EOF)
        assert pgid == tpgid, (sig, pgid, tpgid)


def test_background_pipeline_stages_are_children_of_the_shell():
    """With job control, `a | b &` is two children of the shell in one new
    process group led by the first stage; `jobs -l` lists both pids, $! is
    the last, and `kill %1` ends both (they are reaped: no /proc entry)."""
    import os
    with Shell() as sh:
        sh.prompt()
        first = sh.run('sleep 312 | sleep 313 &')
        out = sh.run('jobs -l')
        pids = re.findall(r'^\[1\]\+\s+(\d+) Running.*\n\s+(\d+)\s+\| sleep 313 &',
                          out, re.M)
        assert pids, out
        a, b = pids[0]
        assert b in first, first                     # "[1] <last pid>"
        assert wait_execd('^sleep 31[23]$', 2)       # so the kill below reaches them
        assert sh.run('echo $!').strip() == b
        for pid in (a, b):
            with open('/proc/%s/stat' % pid) as f:
                fields = f.read().rsplit(')', 1)[1].split()
            assert fields[1] == str(sh.child.pid), (pid, fields)   # ppid: the shell
            assert fields[2] == a, (pid, fields)                   # pgid: first stage
        sh.run('kill %1')
        deadline = time.time() + scaled(5)
        while time.time() < deadline and any(os.path.exists('/proc/' + p) for p in (a, b)):
            time.sleep(0.05)
            sh.run(':')
        assert not any(os.path.exists('/proc/' + p) for p in (a, b))
        assert sh.exit() == 0
