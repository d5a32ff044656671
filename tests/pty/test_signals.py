"""Ctrl-C at the prompt and on a foreground command."""
import time

from ptyshell import (Shell, PROMPT, PS2_RE, contains_line, in_foreground, make_gate, open_gate,
                      re, scaled, wait_ended)


def test_ctrl_c_at_prompt_gives_fresh_prompt():
    with Shell() as sh:
        sh.prompt()
        sh.send('echo never-run')
        sh.expect_exact('echo never-run')   # readline has the text: Ctrl-C is not early
        sh.ctrl('c')
        sh.prompt(timeout=3)
        out = sh.run('echo alive')
        assert contains_line(out, 'alive'), out
        assert 'never-run\n' not in out
        assert sh.exit() == 0


def test_ctrl_c_at_prompt_sets_status_130():
    with Shell() as sh:
        sh.prompt()
        sh.ctrl('c')
        sh.prompt(timeout=3)
        assert sh.status() == 130


def test_ctrl_c_in_continuation_drops_command():
    with Shell() as sh:
        sh.prompt()
        sh.sendline('if true; then')
        sh.expect(PS2_RE)
        sh.sendline('echo should-not-run')
        sh.expect(PS2_RE)
        sh.ctrl('c')
        sh.prompt(timeout=3)
        out = sh.run('echo next')
        assert contains_line(out, 'next'), out
        assert 'should-not-run\n' not in out.replace('echo should-not-run', '')
        assert sh.exit() == 0


def test_ctrl_c_kills_foreground_command():
    with Shell() as sh:
        sh.prompt()
        sh.sendline('sleep 30')
        assert in_foreground('sleep 30')
        start = time.time()
        sh.ctrl('c')
        sh.prompt(timeout=5)
        assert time.time() - start < scaled(5)
        assert sh.status() == 130
        assert sh.exit() == 0


def test_ctrl_c_at_prompt_prints_exactly_one_prompt():
    with Shell() as sh:
        sh.prompt()
        sh.send('echo half-typed')
        sh.expect_exact('echo half-typed')
        sh.ctrl('c')
        sh.expect_exact('^C\r\n' + PROMPT)
        # Any further prompt would be drawn before readline reads (and
        # echoes) the next line: the shell does one thing at a time.
        sh.sendline('echo marker-after')
        sh.expect_exact('marker-after\r\n')   # the echo of the typed command
        text = sh.child.before
        # between ^C and the marker command: exactly one fresh prompt
        assert PROMPT not in text, repr(text)
        sh.prompt()
        assert sh.exit() == 0


def test_background_job_ending_while_typing_keeps_the_line():
    with Shell() as sh:
        gate = make_gate(sh.home)
        sh.prompt()
        job = sh.run('cat gate &')        # ends when the test opens the gate
        assert 'Done' not in job, job
        sh.send('echo typed-bef')         # a SIGCHLD arrives while this line is open
        sh.expect_exact('echo typed-bef')
        assert open_gate(gate)
        assert wait_ended(re.search(r'\[1\] (\d+)', job).group(1))   # the SIGCHLD is sent
        sh.send('ore-and-after\r')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'typed-before-and-after'), out
        out += sh.run(':')
        assert out.count('Done') == 1, out   # the notice, before a prompt, once
        sh.assert_no_leftovers()
        assert sh.exit() == 0


def test_ctrl_c_drops_the_rest_of_the_line():
    # bash: Ctrl-C kills the foreground `sleep` and the shell does not go
    # on to `echo` (the rest of the line is dropped); the shell survives.
    # The echo is spelled aft""er so that its output differs from its echo.
    with Shell() as sh:
        sh.prompt()
        sh.sendline('sleep 60; echo aft""er-ctrl-c')
        assert in_foreground('sleep 60')
        start = time.time()
        sh.ctrl('c')
        sh.prompt(timeout=5)
        assert time.time() - start < scaled(4), 'sleep was not interrupted'
        out = sh.child.before.replace('\r\n', '\n')
        assert 'after-ctrl-c' not in out, out
        assert sh.status() == 130
        out = sh.run('echo alive')
        assert contains_line(out, 'alive'), out
        assert sh.exit() == 0


def test_ctrl_c_in_pipeline_drops_the_rest_of_the_line():
    # the same with a subshell and a pipeline as the foreground job
    with Shell() as sh:
        sh.prompt()
        sh.sendline('(sleep 60; echo in-sub""shell) | cat; echo aft""er-pipe')
        # both stages: `cat`, forked after the subshell, may come after its
        # `sleep` under Valgrind, and would miss a Ctrl-C typed before
        assert in_foreground('sleep 60') and in_foreground('^cat$')
        sh.ctrl('c')
        sh.prompt(timeout=5)
        out = sh.child.before.replace('\r\n', '\n')
        assert 'after-pipe' not in out and 'in-subshell' not in out, out
        out = sh.run('echo alive')
        assert contains_line(out, 'alive'), out
        assert sh.exit() == 0
