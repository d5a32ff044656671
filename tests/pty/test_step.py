"""set -o step (teaching): the shell pauses before fork, wait and exec, says
which process is about to act, and goes on when Enter is pressed; one
prompt at a time, the shell's first, then each child's in the order forked.  Also the
narration of a signal the interactive shell acts on (Ctrl-C at the prompt)."""
import re
import time

from ptyshell import Shell, PROMPT, ps_of, contains_line, wait_for

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
        # 2. the shell again, before it waits for the child
        what, pid = expect_pause(sh)
        assert what == "wait for '/bin/echo hi'", what
        assert pid == sh.child.pid, (pid, sh.child.pid)
        sh.sendline('')
        # 3. the child, before exec: still a copy of minish, not yet echo
        what, pid = expect_pause(sh)
        assert what == 'execve a new program in this process', what
        assert pid != sh.child.pid
        # still the shell's image: not exec'd yet ("memcheck-amd64-" when
        # the suite runs minish under Valgrind)
        comm = ps_of(pid, 'comm')
        assert comm == ['minish'] or comm[0].startswith('memcheck'), comm
        assert ps_of(pid, 'ppid') == [str(sh.child.pid)], ps_of(pid, 'ppid')
        sh.sendline('')
        # 4. the program runs, and the shell does not ask again
        sh.expect(r'\r\nhi\r\n')
        sh.prompt()
        assert 'step:' not in sh.child.before, sh.child.before
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


# ---- one prompt at a time ----

def wchan(pid):
    try:
        with open('/proc/%d/wchan' % pid) as f:
            return f.read()
    except OSError:
        return ''


def still_minish(pid):
    """Not exec'd yet: still a copy of the shell (or of Valgrind running it)."""
    comm = ps_of(pid, 'comm')
    return bool(comm) and (comm[0] == 'minish' or comm[0].startswith('memcheck'))


def parked(pid):
    """A child that has not exec'd is waiting for its turn, blocked reading
    its turn pipe, and not at a prompt of its own ('anon_pipe_read' on new
    kernels, 'pipe_read' on older ones)."""
    return not still_minish(pid) or wchan(pid).endswith('pipe_read')


def expect_alone(sh, want_what, want_pid, others):
    """The next pause is WANT_WHAT in WANT_PID, it is the only prompt on
    screen, and every process in OTHERS that has not exec'd waits for its
    turn.  Presses Enter."""
    sh.expect(PAUSE)
    what, pid = sh.child.match.group(1), int(sh.child.match.group(2))
    assert (what, pid) == (want_what, want_pid), (what, pid, want_what, want_pid)
    assert 'press Enter' not in sh.child.before, sh.child.before
    rest = [p for p in others if p != pid]
    assert wait_for(lambda: all(parked(p) for p in rest)), \
        [(p, ps_of(p, 'comm'), wchan(p)) for p in rest]
    sh.sendline('')


def new_child(sh, known):
    """The shell's one child that is not in KNOWN (waits for the fork)."""
    found = wait_for(lambda: [p for p, _, _ in sh.children() if p not in known])
    assert len(found) == 1, found
    return found[0]


def step_pipeline(stages):
    line = ' | '.join(stages)
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o step')
        sh.sendline(line)
        shell, kids = sh.child.pid, []
        # the shell first: a pause before each fork, then one before the wait
        for stage in stages:
            expect_alone(sh, "run stage '%s'" % stage, shell, kids)
            kids.append(new_child(sh, kids))
        expect_alone(sh, "wait for '%s'" % line, shell, kids)
        # then each stage, in order, before its exec
        for kid in kids:
            expect_alone(sh, 'execve a new program in this process', kid, kids)
        sh.expect_exact('one\r\n')
        sh.prompt()     # no pause left: the shell does not ask again
        assert 'press Enter' not in sh.child.before, sh.child.before
        assert sh.status() == 0
        assert sh.exit() == 0


def test_step_two_stage_pipeline_one_prompt_at_a_time():
    step_pipeline(['/bin/echo one', '/bin/cat'])


def test_step_three_stage_pipeline_one_prompt_at_a_time():
    step_pipeline(['/bin/echo one', '/bin/cat', '/bin/cat'])


def test_step_pauses_before_the_wait_of_a_foreground_command():
    """The shell pauses before it waits, though the command has the
    terminal; the child, not yet a new program, waits for its turn."""
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o step')
        sh.sendline('/bin/echo hi')
        shell = sh.child.pid
        expect_alone(sh, "start '/bin/echo'", shell, [])
        kid = new_child(sh, [])
        sh.expect(PAUSE)
        what, pid = sh.child.match.group(1), int(sh.child.match.group(2))
        assert (what, pid) == ("wait for '/bin/echo hi'", shell), (what, pid)
        assert 'hi' not in sh.child.before.replace('/bin/echo hi', ''), sh.child.before
        assert wait_for(lambda: parked(kid) and still_minish(kid)), (ps_of(kid, 'comm'), wchan(kid))
        sh.sendline('')
        expect_alone(sh, 'execve a new program in this process', kid, [kid])
        sh.expect_exact('hi\r\n')
        sh.prompt()
        assert 'press Enter' not in sh.child.before, sh.child.before
        assert sh.exit() == 0
