#!/usr/bin/env python3
"""check_docs.py SRC -- the man page (docs/minish.1) names every builtin of
the table in src/builtins.c in its BUILTINS section and every long option
src/main.c accepts; README.md and docs/user-guide.md say which bash
extensions are left out on purpose."""
import re
import sys

src = sys.argv[1]
fail = []


def read(path):
    with open('%s/%s' % (src, path)) as f:
        return f.read()


def plain(roff):
    """The roff source without font escapes and with \\- as -."""
    return re.sub(r'\\f[BIRP]', '', roff).replace('\\-', '-').replace('\\&', '')


man = plain(read('docs/minish.1'))
table = re.search(r'builtin_table\[\] = \{(.*?)\n\};', read('src/builtins.c'), re.S).group(1)
builtins = re.findall(r'^\s*\{"([^"]+)"', table, re.M)
section = re.search(r'^\.SH BUILTINS\n(.*?)^\.SH ', man, re.S | re.M).group(1)
words = set()
for line in section.splitlines():
    line = re.sub(r'^\.[A-Z]+\s*', '', line)
    for w in re.split(r'[\s,"()]+', line):
        words.add(w)
        words.add(w.rstrip('.') or w)
for b in builtins:
    if b not in words:
        fail.append("builtin '%s' is not in the BUILTINS section of docs/minish.1" % b)

options = set(re.findall(r'"(--[a-z][a-z-]*=?(?:dot)?)', read('src/main.c')))
for o in sorted(options):
    if o not in man:
        fail.append("option '%s' is not in docs/minish.1" % o)

for path in ('README.md', 'docs/user-guide.md'):
    text = read(path)
    for ext in ('[[', 'arrays', '{a,b}'):
        if ext not in text:
            fail.append('%s does not say that %s is left out' % (path, ext))

for f in fail:
    print('FAIL: ' + f)
if not fail:
    print('docs ok: %d builtins, %d long options' % (len(builtins), len(options)))
sys.exit(1 if fail else 0)
