"""Job control on the terminal: Ctrl-Z, jobs, bg, fg, kill %1, exit with stopped jobs."""
import time

import pexpect

from ptyshell import Shell, PROMPT, wait_gone


def stop_foreground(sh, command):
    sh.prompt()
    sh.sendline(command)
    time.sleep(0.5)
    sh.ctrl('z')
    sh.expect('Stopped')
    sh.prompt()


def test_ctrl_z_then_jobs_bg_kill():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 301')
        out = sh.run('jobs')
        assert 'Stopped' in out and 'sleep 301' in out, out
        sh.run('bg')
        out = sh.run('jobs')
        assert 'Running' in out, out
        sh.run('kill %1')
        time.sleep(0.3)
        sh.run(':')                      # the notice comes before this prompt or the next
        out = sh.run('jobs')
        assert 'sleep 301' not in out, out
        assert wait_gone('sleep 301')
        assert sh.exit() == 0


def test_stopped_job_resumed_with_fg():
    with Shell() as sh:
        stop_foreground(sh, 'sleep 302')
        sh.sendline('fg')
        sh.expect('sleep 302')
        time.sleep(0.3)
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
        time.sleep(0.3)
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
        sh.child.expect(pexpect.EOF, timeout=5)
        sh.closed = True
        assert wait_gone('sleep 304'), 'the stopped job outlived the shell'


def test_background_job_done_notice():
    with Shell() as sh:
        sh.prompt()
        out = sh.run('sleep 0.2 &')
        assert '[1]' in out, out
        time.sleep(0.6)
        out = sh.run(':')
        assert 'Done' in out, out
        assert sh.exit() == 0
