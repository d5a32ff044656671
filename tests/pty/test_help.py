"""help (the list of builtins, help NAME), minish --help, and the man page's
BUILTIN REFERENCE carrying the very text `help NAME` prints."""
import os
import re

from ptyshell import Shell, ROOT, run_minish, contains_line


def builtin_names():
    st, out, err = run_minish(['-c', 'help'])
    assert st == 0, err
    return [line.split()[0] for line in out.splitlines() if line.startswith('  ')]


def test_help_lists_every_builtin_at_the_prompt():
    with Shell() as sh:
        sh.prompt()
        out = sh.run('help')
        names = [line.split()[0] for line in out.splitlines() if line.startswith('  ')]
        for name in ('cd', 'fc', 'help', 'history', 'jobs', 'set', 'wait', '.', '['):
            assert name in names, (name, out)
        assert all(len(line.split(None, 1)) == 2 for line in out.splitlines()
                   if line.startswith('  ')), out       # one line each, never empty
        assert 'man minish' in out and 'docs/' in out, out
        out = sh.run('help cd')
        assert out.splitlines()[0] == 'cd: cd [-L|-P] [dir|-]', out
        assert 'Change the current directory.' in out, out
        out = sh.run('help nosuch')
        assert 'help: nosuch: not a builtin' in out, out
        assert sh.status() == 1
        assert sh.exit() == 0


def test_every_builtin_has_help():
    for name in builtin_names():
        st, out, err = run_minish(['-c', 'help "$1"', 'sh', name])
        assert st == 0 and out.startswith(name + ': '), (name, out, err)
        assert len(out.splitlines()) >= 2, (name, out)


def roff_text(s):
    s = s.replace('\\-', '-').replace('\\e', '\\').replace('\\&', '')
    return ' '.join(s.split())


def man_reference():
    """{usage: text} from the BUILTIN REFERENCE section of docs/minish.1."""
    text = open(os.path.join(ROOT, 'docs', 'minish.1')).read()
    section = text.split('.SH BUILTIN REFERENCE\n', 1)[1].split('\n.SH ', 1)[0]
    entries = {}
    for chunk in section.split('.TP\n')[1:]:
        head, _, body = chunk.partition('\n')
        usage = re.match(r'\.B "(.*)"$', head).group(1).replace('""', '"')
        entries[roff_text(usage)] = roff_text(body)
    return entries


def test_man_page_reference_matches_help():
    ref = man_reference()
    names = builtin_names()
    assert len(ref) == len(names), (len(ref), len(names))
    for name in names:
        st, out, err = run_minish(['-c', 'help "$1"', 'sh', name])
        first, *rest = out.splitlines()
        usage = ' '.join(first.split(': ', 1)[1].split())
        assert usage in ref, ('no man entry for', usage)
        assert ref[usage] == ' '.join(' '.join(rest).split()), (name, ref[usage], rest)


def test_minish_help_lists_every_option():
    st, out, err = run_minish(['--help'])
    assert st == 0, err
    for opt in ('-c', '-s', '-i', '-o name', '--norc', '--ast', '--ast=dot', '--trace',
                '--trace-file=', '--trace-dot=', '--help', '--version', 'man minish'):
        assert opt in out, (opt, out)
    for letter in 'eufxvnCabm':
        assert '-' + letter in out, (letter, out)
