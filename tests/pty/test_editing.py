"""Line editing: history recall, Tab completion, the history file."""
import os
import stat

import pexpect

from ptyshell import Shell, PROMPT, contains_line, in_foreground


def test_up_arrow_recalls_previous_command():
    with Shell() as sh:
        sh.prompt()
        sh.run('echo recall-me')
        sh.send('\x1b[A')           # up arrow
        sh.expect_exact('echo recall-me')   # the recalled line is drawn
        sh.send('\r')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'recall-me'), out
        assert sh.exit() == 0


def test_tab_completes_command_name():
    with Shell() as sh:
        sh.prompt()
        sh.send('ech\t')
        sh.expect_exact('echo ')
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
        sh.expect_exact('uniquefile_xyz.txt')
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
        sh.expect_exact('$MY_UNIQUE_VAR')
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
        sh.expect_exact('echo from-last-session')
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
        sh.expect(pexpect.EOF, timeout=5)
        sh.child.close()
        sh.closed = True
        assert sh.child.exitstatus == 0


def history_numbers(out):
    return [line.split()[0] for line in out.splitlines() if line.strip()[:1].isdigit()]


def test_multiline_command_is_one_history_entry_also_in_the_file():
    from ptyshell import PS2_RE
    with Shell() as sh:
        sh.prompt()
        sh.sendline('for i in 1 2')
        sh.expect(PS2_RE)
        sh.sendline('do echo it$i')
        sh.expect(PS2_RE)
        sh.sendline('done')
        sh.prompt()
        out = sh.run('history')
        assert len(history_numbers(out)) == 2, out      # the loop, then `history`
        sh.send('\x1b[A\x1b[A')                           # the whole loop comes back
        sh.expect_exact('done')
        sh.send('\r')
        sh.prompt()
        assert 'it2' in sh.child.before
        assert sh.exit() == 0


def test_multiline_entry_survives_a_new_session():
    from ptyshell import PS2_RE
    with Shell() as sh:
        sh.prompt()
        sh.sendline('if true')
        sh.expect(PS2_RE)
        sh.sendline('then echo yes-it-ran')
        sh.expect(PS2_RE)
        sh.sendline('fi')
        sh.prompt()
        assert sh.exit() == 0
        text = open(os.path.join(sh.home, '.minish_history')).read()
    assert 'if true\nthen echo yes-it-ran\nfi\n' in text, text

    def old_session(home):
        with open(os.path.join(home, '.minish_history'), 'w') as f:
            f.write(text)
    with Shell(setup=old_session) as sh:
        sh.prompt()
        out = sh.run('history')
        assert len(history_numbers(out)) == 3, out      # the if (one entry), exit, history
        sh.send('\x1b[A\x1b[A\x1b[A')
        sh.expect_exact('fi')
        sh.send('\r')
        sh.prompt()
        assert 'yes-it-ran\r\n' in sh.child.before.replace('echo yes-it-ran', '')
        assert sh.exit() == 0


def test_history_n_and_histsize():
    with Shell(extra_env={'HISTSIZE': '3'}) as sh:
        sh.prompt()
        for n in range(5):
            sh.run('echo h%d' % n)
        out = sh.run('history 2')
        assert len(history_numbers(out)) == 2 and 'echo h4' in out, out
        out = sh.run('history')
        assert len(history_numbers(out)) == 3, out
        assert 'echo h0' not in out, out
        assert sh.exit() == 0
        text = open(os.path.join(sh.home, '.minish_history')).read()
    entries = [l for l in text.splitlines() if not l.startswith('#')]
    assert len(entries) == 3 and entries[-1] == 'exit', text


def tab_run(sh, typed, completed, want):
    """Type TYPED and Tab, wait until the line shows COMPLETED, run it,
    and look for the line WANT in its output."""
    sh.send(typed + '\t')
    sh.expect_exact(completed)
    sh.send('\r')
    sh.prompt()
    out = sh.child.before.replace('\r\n', '\n')
    assert contains_line(out, want), out


def test_tab_completes_functions_and_aliases():
    with Shell() as sh:
        sh.prompt()
        sh.run('myfunc_xyz() { echo fn-ran; }')
        sh.run("alias myalias_xyz='echo alias-ran'")
        tab_run(sh, 'myfunc_x', 'myfunc_xyz', 'fn-ran')
        tab_run(sh, 'myalias_x', 'myalias_xyz', 'alias-ran')
        assert sh.exit() == 0


def test_tab_completion_sees_path_changes():
    with Shell() as sh:
        bindir = os.path.join(sh.home, 'bin')
        os.mkdir(bindir)
        prog = os.path.join(bindir, 'zzprog_unique')
        with open(prog, 'w') as f:
            f.write('#!/bin/sh\necho prog-ran\n')
        os.chmod(prog, 0o755)
        sh.prompt()
        sh.run('echo warm')                       # a first Tab fills the cache
        sh.send('ec\t')                        # keys are read in order: the
        sh.send('warm2\r')                     # Tab is done before the Enter
        sh.prompt()
        sh.run('PATH=$PATH:%s' % bindir)
        tab_run(sh, 'zzprog_u', 'zzprog_unique', 'prog-ran')
        assert sh.exit() == 0


def test_tab_completes_user_names():
    import pwd
    me = pwd.getpwuid(os.geteuid())
    with Shell() as sh:
        sh.prompt()
        tab_run(sh, 'echo ~' + me.pw_name[:-1], '~' + me.pw_name, me.pw_dir.rstrip('/') + '/')
        assert sh.exit() == 0


def test_vi_mode_editing():
    """set -o vi: ESC to command mode, x deletes, 0 goes to the start, cw changes a word."""
    with Shell() as sh:
        sh.prompt()
        sh.run('set -o vi')
        out = sh.run('set -o')
        assert contains_line(out, 'vi              on'), out
        assert contains_line(out, 'emacs           off'), out
        sh.send('echo hello worldd')
        sh.send('\x1b')                     # command mode, on the last d
        sh.send('x')                        # "echo hello world"
        sh.send('0')
        sh.send('cwprintf "<%s>"\x1b')      # echo -> printf "<%s>"
        sh.sendline('')
        sh.expect_exact('<hello><world>')
        sh.prompt()
        sh.run('set -o emacs')
        sh.send('cho emacs-again')
        sh.ctrl('a')                        # emacs: to the start of the line
        sh.sendline('e')
        sh.expect_exact('\r\nemacs-again\r\n')
        sh.prompt()
        assert sh.exit() == 0


def test_vi_mode_from_minishrc():
    def setup(home):
        with open(os.path.join(home, '.minishrc'), 'w') as f:
            f.write('set -o vi\n')
    with Shell(setup=setup, args=()) as sh:
        sh.prompt()
        sh.send('echo one two')
        sh.send('\x1b0dw')                  # vi: delete the first word
        sh.sendline('')
        sh.expect(r'one: (command )?not found')
        sh.prompt()
        assert sh.exit('exit 0') == 0


def test_tilde_completion_keeps_tilde_and_quotes_only_what_needs_it():
    def setup(home):
        os.mkdir(os.path.join(home, 'd'))
        for name in ('visible_file', 'my file', "it's"):
            open(os.path.join(home, 'd', name), 'w').close()
    with Shell(setup=setup) as sh:
        sh.prompt()
        cases = [
            ('ls ~/d/vis\t', 'ls ~/d/visible_file '),           # no quotes around ~
            ('ls ~/d/my\t', 'ls ~/d/my\\ file '),               # one backslash
            ("ls 'd/it\t", "ls 'd/it'\\''s' "),                  # the user's ' style kept
            ('ls ~/d/my\\ f\t', 'ls ~/d/my\\ file '),           # typed quoting understood
            ('ls "d/it\t', 'ls "d/it\'s" '),                    # the user's " style
        ]
        for typed, want in cases:
            sh.send(typed)
            sh.expect_exact(want)
            sh.sendline('')
            sh.prompt()
            assert 'No such file' not in sh.child.before, sh.child.before
        assert sh.exit() == 0


def test_resize_reaches_readline():
    """After a narrower window, readline scrolls a long line within the new
    width (TERM=dumb shows '<' where the line is cut off); after a resize while
    a foreground job had the terminal, the new width counts too."""
    long = 'abcdefghij' * 5
    with Shell() as sh:
        sh.prompt()
        sh.child.setwinsize(24, 30)
        sh.send('cho ' + long)
        sh.expect_exact('<')                # scrolled: the line is wider than 30
        sh.ctrl('a')
        sh.send('e')
        sh.ctrl('e')
        sh.sendline('Z')
        sh.expect_exact('\r\n' + long + 'Z\r\n')
        sh.prompt()
        sh.sendline('cat')
        sh.expect_exact('cat\r\n')          # readline's echo, before the shell forks
        # cat has the terminal (cooked) once it is in the foreground; typed
        # while readline's modes were still on, `ping` would not be echoed
        assert in_foreground('^cat$')
        sh.sendline('ping')
        sh.expect_exact('ping\r\nping\r\n')
        sh.child.setwinsize(24, 200)        # told to cat's group, not to the shell
        sh.ctrl('d')
        sh.prompt()
        sh.send('echo ' + long)
        sh.expect_exact('echo ' + long)     # whole: no scrolling at 200 columns
        sh.ctrl('a')
        sh.send('#')
        sh.sendline('')
        sh.prompt()
        assert '<' not in sh.child.before and '>' not in sh.child.before, repr(sh.child.before)
        assert sh.exit() == 0
