"""set -o trace-html=FILE in an interactive shell with job control: one
page per session, rewritten after every command, holding each command in
order, the process groups and the terminal hand-over, a stopped job, and
a zombie the shell noticed.  (The page itself is tested in a browser by
tests/browser/run.py; here only its data is read.)"""
import json
import os
import re

from ptyshell import Shell, in_foreground, wait_ended


def page_data(path):
    """(meta, events) of the page at PATH."""
    text = open(path).read()
    meta = re.search(r'<script type="application/json" id="minish-meta">(.*?)</script>', text, re.S)
    data = re.search(r'<script type="application/x-ndjson" id="minish-trace">(.*?)</script>',
                     text, re.S)
    events = [json.loads(line) for line in data.group(1).splitlines() if line.strip()]
    return json.loads(meta.group(1)), events


def test_session_page_grows_command_by_command():
    with Shell() as sh:
        page = os.path.join(sh.home, 'class.html')
        sh.prompt()
        assert sh.run('set -o trace-html=' + page).strip() == ''
        sh.run('ls / | wc -l')
        meta, events = page_data(page)          # already rewritten: no need to exit
        assert [c['text'] for c in meta['commands']] == ['ls / | wc -l'], meta['commands']
        assert meta['shell'] == sh.child.pid and meta['fds'][0]['kind'] == 'tty', meta
        calls = [e['call'] for e in events]
        assert calls.count('execve') == 2 and 'setpgid' in calls and 'tcsetpgrp' in calls, calls
        # a stopped job: Ctrl-Z on a foreground sleep
        sh.sendline('sleep 30')
        assert in_foreground('^sleep 30$')      # until sleep runs, in the foreground group
        sh.ctrl('z')
        sh.expect(r'Stopped')
        sh.prompt()
        meta, events = page_data(page)
        assert any(e['call'] == 'wait4' and (e['detail'] or '').startswith('stopped by SIGTSTP')
                   for e in events), [e['detail'] for e in events if e['call'] == 'wait4']
        # a zombie: with noreap, a finished background job stays unreaped;
        # the shell notices it at its next own event (the fork of `sleep 0`),
        # once it has ended for sure (not after a time a slow machine may
        # not keep to)
        out = sh.run('kill %1; set -o noreap; sleep 0.1 &')
        assert wait_ended(re.search(r'\[\d+\] (\d+)', out).group(1))
        sh.run('sleep 0')
        meta, events = page_data(page)
        assert any(e['call'] == 'exit' and e['detail'] == 'exited 0' for e in events), \
            [e for e in events if e['call'] == 'exit']
        out = sh.run('set -o trace-html=' + os.path.join(sh.home, 'other.html'))
        assert 'minish: trace-html: this session already writes ' + page in out, out
        assert sh.status() == 2
        assert not os.path.exists(os.path.join(sh.home, 'other.html'))
        sh.run('reap; set +o noreap')
        sh.run('set +o trace-html')
        n = len(page_data(page)[1])
        sh.run('echo not recorded | cat')
        assert len(page_data(page)[1]) == n
        assert sh.exit() == 0
        meta, events = page_data(page)
        texts = [c['text'] for c in meta['commands']]
        assert texts[:4] == ['ls / | wc -l', 'sleep 30', 'kill %1; set -o noreap; sleep 0.1 &', 'sleep 0'], texts
