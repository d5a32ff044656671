"""set -o step (teaching): the shell pauses before fork and exec, says which
process is about to act, and goes on when Enter is pressed.  Also the
narration of a signal the interactive shell acts on (Ctrl-C at the prompt)."""
import re
import time

from ptyshell import Shell, PROMPT, ps_of, contains_line

PAUSE = r'step: about to (.*) \(pid (\d+)\)\r\n.*pstree -p (\d+) .*\r\n *press Enter to continue '


def expect_pause(sh):
    """Wait for the next pause; return (what, pid) and press Enter."""
    sh.expect(PAUSE)
    what, pid, shown = sh.child.match.group(1), int(sh.child.match.group(2)), sh.child.match.group(3)
    assert shown == str(pid), sh.child.match.group(0)
    return what, pid


def test_step_pauses_before_fork_and_exec():
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o step')
        sh.sendline('/bin/echo hi')
        # 1. the shell itself, before fork: no child exists yet
        what, pid = expect_pause(sh)
        assert what == "start '/bin/echo'", what
        assert pid == sh.child.pid, (pid, sh.child.pid)
        assert sh.children() == [], sh.children()
        sh.sendline('')
        # 2. the child, before exec: still a copy of minish, not yet echo
        what, pid = expect_pause(sh)
        assert what == 'execve a new program in this process', what
        assert pid != sh.child.pid
        # still the shell's image: not exec'd yet ("memcheck-amd64-" when
        # the suite runs minish under Valgrind)
        comm = ps_of(pid, 'comm')
        assert comm == ['minish'] or comm[0].startswith('memcheck'), comm
        assert ps_of(pid, 'ppid') == [str(sh.child.pid)], ps_of(pid, 'ppid')
        sh.sendline('')
        # 3. the program runs; any further pause (the wait) also goes on at Enter
        while sh.expect([r'\r\nhi\r\n', PAUSE]) == 1:
            sh.sendline('')
        while sh.expect([re.escape(PROMPT), PAUSE]) == 1:
            sh.sendline('')
        assert sh.status() == 0
        # step off: the same command runs straight through
        out = sh.run('set +o step')
        assert 'step:' not in out, out
        out = sh.run('/bin/echo again')
        assert contains_line(out, 'again') and 'step:' not in out, out
        assert sh.exit() == 0


def test_trace_narrates_ctrl_c_at_prompt():
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o trace')
        sh.send('echo never-run')
        sh.expect_exact('echo never-run')   # readline has the text: Ctrl-C is not early
        sh.ctrl('c')
        sh.expect(r'minish\[%d\]: signal SIGINT received   # throw away the typed line' % sh.child.pid)
        sh.prompt()
        out = sh.run('set +o trace; echo alive')
        assert contains_line(out, 'alive') and 'never-run\n' not in out, out
        assert sh.exit() == 0


def test_step_says_what_it_ignored():
    """A line typed at a pause is not taken for Enter silently: the pause
    reads the whole line and says it ignored it."""
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o step')
        sh.sendline('/bin/echo hi')
        expect_pause(sh)
        sh.sendline('ls -l')
        sh.expect(r"step: ignored 'ls -l' \(a pause only waits for Enter")
        while sh.expect([re.escape(PROMPT), PAUSE]) == 1:
            sh.sendline('')
        assert sh.status() == 0
        assert sh.exit() == 0
