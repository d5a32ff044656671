"""Line editing: history recall, Tab completion, the history file."""
import os
import stat
import time

import pexpect

from ptyshell import Shell, PROMPT, contains_line


def test_up_arrow_recalls_previous_command():
    with Shell() as sh:
        sh.prompt()
        sh.run('echo recall-me')
        sh.send('\x1b[A')           # up arrow
        time.sleep(0.2)
        sh.send('\r')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'recall-me'), out
        assert sh.exit() == 0


def test_tab_completes_command_name():
    with Shell() as sh:
        sh.prompt()
        sh.send('ech\t')
        time.sleep(0.3)
        sh.send('tabbed\r')         # completion added "echo "
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'tabbed'), out
        assert sh.exit() == 0


def test_tab_completes_file_name():
    with Shell() as sh:
        open(os.path.join(sh.home, 'uniquefile_xyz.txt'), 'w').close()
        sh.prompt()
        sh.send('echo uniquef\t')
        time.sleep(0.3)
        sh.send('\r')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'uniquefile_xyz.txt'), out
        assert sh.exit() == 0


def test_tab_completes_variable_name():
    with Shell() as sh:
        sh.prompt()
        sh.run('MY_UNIQUE_VAR=value42')
        sh.send('echo $MY_UNIQ\t')
        time.sleep(0.3)
        sh.send('\r')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'value42'), out
        assert sh.exit() == 0


def test_histfile_written_with_mode_0600():
    with Shell() as sh:
        old = os.umask(0)           # the mode must not come from the umask
        try:
            sh.prompt()
            sh.run('echo hist-one')
            sh.run('echo hist-two')
            assert sh.exit() == 0
        finally:
            os.umask(old)
        path = os.path.join(sh.home, '.minish_history')
        assert os.path.exists(path)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        text = open(path).read()
        assert 'echo hist-one' in text and 'echo hist-two' in text, text


def test_history_loaded_at_start_and_builtin_lists_it():
    def old_session(home):
        with open(os.path.join(home, '.minish_history'), 'w') as f:
            f.write('echo from-last-session\n')
    with Shell(setup=old_session) as sh:
        sh.prompt()
        out = sh.run('history')
        assert 'echo from-last-session' in out, out
        sh.send('\x1b[A')           # the line before `history`: the loaded one
        sh.send('\x1b[A')
        time.sleep(0.2)
        sh.send('\r')
        sh.prompt()
        assert 'from-last-session' in sh.child.before
        sh.run('history -c')
        out = sh.run('history')
        assert 'from-last-session' not in out, out
        assert sh.exit() == 0


def test_ctrl_d_exits():
    with Shell() as sh:
        sh.prompt()
        sh.ctrl('d')
        sh.child.expect(pexpect.EOF, timeout=5)
        sh.child.close()
        sh.closed = True
        assert sh.child.exitstatus == 0
