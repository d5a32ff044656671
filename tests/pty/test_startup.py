"""Startup: ~/.minishrc, $ENV, --norc, -i, --help, --version, the man page."""
import os
import subprocess

from ptyshell import Shell, ROOT, contains_line, run_minish


def rc_files(home):
    with open(os.path.join(home, '.minishrc'), 'w') as f:
        f.write('RCVAR=from-minishrc\n')
    with open(os.path.join(home, 'envfile'), 'w') as f:
        f.write('RCVAR=from-env-file\n')


def test_minishrc_read_unless_norc():
    with Shell(setup=rc_files, args=()) as sh:
        sh.prompt()
        assert contains_line(sh.run('echo "[$RCVAR]"'), '[from-minishrc]')
        assert sh.exit() == 0
    with Shell(setup=rc_files) as sh:               # --norc
        sh.prompt()
        assert contains_line(sh.run('echo "[$RCVAR]"'), '[]')
        assert sh.exit() == 0


def test_env_replaces_minishrc():
    with Shell(setup=rc_files, args=(), extra_env={'ENV': '$HOME/envfile'}) as sh:
        sh.prompt()
        assert contains_line(sh.run('echo "[$RCVAR]"'), '[from-env-file]')
        assert sh.exit() == 0


def test_dash_i_forces_interactive():
    st, out, err = run_minish(['-i', '--norc'], stdin='echo flags=$-\n')
    assert 'i' in out.split('flags=')[1], (out, err)
    st, out, err = run_minish(['--norc'], stdin='echo flags=$-\n')
    assert 'i' not in out.split('flags=')[1], (out, err)


def test_help_and_version():
    st, out, err = run_minish(['--help'])
    assert st == 0 and out.startswith('usage: minish'), (st, out)
    st, out, err = run_minish(['--version'])
    assert st == 0 and out.startswith('minish '), (st, out)
    st, out, err = run_minish(['--bogus'])
    assert st == 2 and 'invalid option' in err, (st, err)


def test_man_page_documents_everything():
    text = open(os.path.join(ROOT, 'docs', 'minish.1')).read()
    for section in ('OPTIONS', 'BUILTINS', 'JOB CONTROL', 'LINE EDITING', 'HISTORY',
                    'PROMPTS', 'FILES', 'EXIT STATUS'):
        assert '.SH ' + section in text, section
    for word in ('noreap', 'step', 'spawn=', 'trace', 'norc', 'disown', 'HISTSIZE',
                 'minishrc', 'SIGHUP', 'trace\\-html', 'from\\-trace'):
        assert word in text, word
    r = subprocess.run(['man', '-l', '--warnings', os.path.join(ROOT, 'docs', 'minish.1')],
                       capture_output=True, text=True, env=dict(os.environ, MANPAGER='cat'))
    assert r.returncode == 0 and 'JOB CONTROL' in r.stdout, r.stderr
