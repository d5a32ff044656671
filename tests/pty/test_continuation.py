"""The continuation prompt (PS2): Ctrl-D on an empty line reports the
unfinished command once and returns to PS1; Ctrl-C abandons it silently.
Either way the shell stays, and nothing leaks into later commands."""
import os
import re
import tempfile

from ptyshell import Shell, PS2_RE

CONSTRUCTS = ["echo 'open quote", 'if true; then', 'echo a |']


def after_prompt_is_clean(sh):
    """The next command's output is exactly its own: no stray line, no error."""
    out = sh.run('echo still-here')
    assert out == 'still-here\n', repr(out)


def test_ctrl_d_at_ps2_reports_once_and_stays():
    with Shell() as sh:
        sh.prompt()
        for start in CONSTRUCTS:
            sh.sendline(start)
            sh.expect(PS2_RE)
            sh.ctrl('d')
            sh.prompt()
            out = sh.child.before.replace('\r\n', '\n')
            assert out.count('minish: syntax error: unexpected end of input') == 1, repr(out)
            if start.startswith('echo \''):
                assert 'unexpected end of input (open quote from line 1)' in out, repr(out)
            assert sh.status() == 2
            after_prompt_is_clean(sh)
        # an unfinished compound command says what it still needs
        sh.sendline('if true; then echo x')
        sh.expect(PS2_RE)
        sh.ctrl('d')
        sh.prompt()
        assert "unexpected end of input (expecting 'fi')" in sh.child.before, sh.child.before
        after_prompt_is_clean(sh)
        assert sh.child.isalive()
        assert sh.exit() == 0


def test_ctrl_c_at_ps2_abandons_silently():
    with Shell() as sh:
        sh.prompt()
        for start in CONSTRUCTS:
            sh.sendline(start)
            sh.expect(PS2_RE)
            sh.send('more text')
            # as a person does: Ctrl-C once the text is on the screen (sent
            # together, the ^C flushes the text that readline was about to
            # read as typeahead, and readline would wait for more keys)
            sh.expect_exact('more text')
            sh.ctrl('c')
            sh.prompt()
            out = sh.child.before
            assert 'minish' not in out and 'error' not in out, repr(out)
            assert sh.status() == 130
            after_prompt_is_clean(sh)
        # the lines already entered stay in the history (bash): Up brings them back
        hist = sh.run('history')
        for start in CONSTRUCTS:
            assert any(l.split(None, 1)[1:] == [start] for l in hist.splitlines()), (start, hist)
        assert sh.exit() == 0


def test_refused_ctrl_d_leaves_no_blank_lines():
    """With ignoreeof, and bracketed paste on as in real terminals, a
    refused end of input used to put an empty line before every later
    command's output."""
    rc = tempfile.NamedTemporaryFile('w', suffix='.inputrc', delete=False)
    rc.write('set enable-bracketed-paste on\nset bell-style none\n')
    rc.close()
    try:
        with Shell(extra_env={'TERM': 'xterm', 'INPUTRC': rc.name}) as sh:
            sh.prompt()
            sh.sendline('set -o ignoreeof')
            sh.prompt()
            sh.ctrl('d')
            sh.expect_exact('Use "exit" to leave the shell.')
            sh.prompt()
            for word in ('after', 'next'):
                sh.sendline('echo ' + word)
                sh.prompt()
                out = re.sub(r'\x1b\[\?2004[hl]', '', sh.child.before)
                rows = out.replace('\r\n', '\n').replace('\r', '').split('\n')
                assert rows[:2] == ['echo ' + word, word], repr(out)
            sh.sendline('exit')
    finally:
        os.unlink(rc.name)


def test_error_lines_counted_within_the_command():
    with Shell() as sh:
        sh.prompt()
        for _ in range(3):
            sh.run('true')
        out = sh.run('echo a; ) b')
        assert 'minish: syntax error near' in out and 'line' not in out, out
        sh.sendline('if true; then')
        sh.expect(PS2_RE)
        sh.sendline(') x')
        sh.prompt()
        out = sh.child.before
        assert 'minish: line 2 of the command: syntax error' in out, repr(out)
        assert sh.exit('exit 0') == 0
