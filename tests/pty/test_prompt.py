"""The prompt: default look, PS1 escapes, PS2 for continued commands."""
import os
import pwd

from ptyshell import Shell, PROMPT, PS2_RE, prompt_char, contains_line, wait_execd, wait_gone


def test_prompt_and_output():
    with Shell() as sh:
        sh.prompt()
        out = sh.run('echo hello')
        assert contains_line(out, 'hello'), out
        assert sh.exit() == 0


def test_default_prompt_shows_directory():
    with Shell(ps1=None) as sh:
        sub = os.path.join(sh.home, 'proj')
        os.mkdir(sub)
        sh.expect_exact('~' + prompt_char() + ' ')    # PS1 '\w\$ ' in HOME
        sh.sendline('cd proj')
        sh.expect_exact('~/proj' + prompt_char() + ' ')
        sh.sendline('exit')
        sh.expect(r'exit|$')


def test_ps1_escapes():
    user = pwd.getpwuid(os.geteuid()).pw_name
    with Shell(ps1='<\\u:\\W:\\w>\\$ ') as sh:
        os.mkdir(os.path.join(sh.home, 'deep'))
        sh.expect_exact('<%s:~:~>%s ' % (user, prompt_char()))
        sh.sendline('cd deep')
        sh.expect_exact('<%s:deep:~/deep>%s ' % (user, prompt_char()))
        sh.sendline('false')
        sh.expect_exact(prompt_char() + ' ')
        sh.sendline('PS1="[\\?]% "')
        sh.expect_exact('[0]% ')
        sh.sendline('false')
        sh.expect_exact('[1]% ')
        sh.sendline('exit')


def test_multiline_command_uses_ps2():
    with Shell() as sh:
        sh.prompt()
        sh.sendline('for i in 1 2; do')
        sh.expect(PS2_RE)
        sh.sendline('echo item$i')
        sh.expect(PS2_RE)
        sh.sendline('done')
        sh.prompt()
        out = sh.child.before.replace('\r\n', '\n')
        assert contains_line(out, 'item1') and contains_line(out, 'item2'), out
        assert sh.exit() == 0


def test_syntax_error_shows_caret_and_continues():
    with Shell() as sh:
        sh.prompt()
        out = sh.run('echo a; ) echo b')
        assert 'syntax error' in out, out
        assert '^' in out, out
        assert sh.status() == 2
        out = sh.run('echo still-here')
        assert contains_line(out, 'still-here'), out
        assert sh.exit() == 0


def test_ps1_more_escapes_and_expansion():
    import socket
    import re
    host = socket.gethostname().split('.')[0]
    with Shell(ps1='<\\h|\\j|\\t|\\\\|${MARK}|\\s>\\n% ') as sh:
        sh.expect(r'<%s\|0\|\d\d:\d\d:\d\d\|\\\|\|minish>\r\n%% ' % re.escape(host))
        sh.sendline('MARK=set; sleep 320 &')
        sh.expect(r'<%s\|1\|\d\d:\d\d:\d\d\|\\\|set\|minish>\r\n%% ' % re.escape(host))
        assert wait_execd('^sleep 320$')    # so the kill reaches it
        sh.sendline('kill %1')
        sh.expect(r'\|set\|minish>\r\n% ')
        assert wait_gone('^sleep 320$')
        sh.sendline('PS2="cont> "; if true')
        sh.expect_exact('cont> ')
        sh.sendline('then echo in-ps2; fi')
        sh.expect('in-ps2')
        sh.sendline('exit')


def test_caret_under_the_right_column_in_utf8():
    """Six Cyrillic letters are twelve bytes but six columns: the caret goes
    under the second '|', not six columns to its right."""
    with Shell(extra_env={'LC_ALL': 'C.UTF-8'}) as sh:
        sh.prompt()
        out = sh.run('echo привет | | x')
        rows = out.splitlines()
        i = next(k for k, r in enumerate(rows) if r.startswith('  echo'))
        line, caret = rows[i], rows[i + 1]
        assert caret.rstrip() == ' ' * caret.index('^') + '^', repr(caret)
        assert caret.index('^') == line.rindex('|'), (line, caret)
        assert 'line' not in rows[i - 1], rows[i - 1]      # one-line command: no line number
        # a tab (typed with Ctrl-V Tab) is shown as spaces, up to the next multiple of 8
        out = sh.run('echo\x16\tx ;; y')
        rows = out.splitlines()
        i = next(k for k, r in enumerate(rows) if r.startswith('  echo'))
        assert '\t' not in rows[i] and rows[i + 1].index('^') == rows[i].index(';;'), rows
        assert sh.exit('exit 0') == 0
