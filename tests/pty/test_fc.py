"""fc (POSIX): list, re-run with old=new, edit with FCEDIT; the edited
commands run and take fc's place in the history."""
import os

from ptyshell import Shell, contains_line


def lines(out):
    return [l for l in out.splitlines() if l.strip()]


def test_fc_lists_ranges():
    with Shell() as sh:
        sh.prompt()
        for word in ('one', 'two', 'three'):
            sh.run('echo ' + word)
        # fc -l leaves itself out: the three commands, numbered
        assert lines(sh.run('fc -l')) == ['1\techo one', '2\techo two', '3\techo three']
        assert lines(sh.run('fc -ln -2')) == ['\techo three', '\tfc -l']
        assert lines(sh.run('fc -lr 1 2')) == ['2\techo two', '1\techo one']
        assert lines(sh.run('fc -l echo\\ t echo\\ t')) == ['3\techo three']   # a prefix
        out = sh.run('fc -l nosuch')
        assert 'fc: nosuch: no command found' in out, out
        assert sh.status() == 1
        assert sh.exit() == 0


def test_fc_s_reruns_with_substitution():
    with Shell() as sh:
        sh.prompt()
        sh.run('echo apple')
        out = sh.run('fc -s apple=pear')
        assert lines(out) == ['echo pear', 'pear'], out
        out = sh.run('fc -s')                    # the previous command: echo pear
        assert lines(out) == ['echo pear', 'pear'], out
        out = sh.run('fc -s 1')
        assert lines(out) == ['echo apple', 'apple'], out
        # fc's own lines were replaced by what they ran (and duplicates dropped)
        hist = sh.run('history')
        assert [l.split(None, 1)[1] for l in lines(hist)] == \
            ['echo apple', 'echo pear', 'echo apple', 'history'], hist
        assert sh.exit() == 0


def test_fc_edits_with_fcedit_and_runs_the_result():
    def setup(home):
        editor = os.path.join(home, 'ed.sh')
        with open(editor, 'w') as f:
            f.write('#!/bin/sh\nsed "s/first/edited/" "$1" > "$1.new" && mv "$1.new" "$1"\n')
        os.chmod(editor, 0o755)

    with Shell(setup=setup) as sh:
        sh.prompt()
        sh.run('FCEDIT=$HOME/ed.sh')
        sh.run('echo first')
        out = sh.run('fc')
        assert lines(out) == ['echo edited', 'edited'], out
        hist = sh.run('fc -l -1')
        assert lines(hist)[-1].endswith('\techo edited'), hist
        # -e names the editor; one that fails runs nothing
        out = sh.run('fc -e false 2')
        assert not contains_line(out, 'first'), out
        assert sh.status() == 1
        assert sh.exit() == 0
