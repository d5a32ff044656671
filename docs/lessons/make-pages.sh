#!/bin/sh
# make-pages.sh -- the example trace pages of the lessons (minish --trace-html).
#
#   make-pages.sh MINISH OUTDIR
#
# The build runs this (target lesson_pages): each page records one short
# command line, in a scratch directory, with stdin from /dev/null.  Open
# OUTDIR/*.html in any browser, from disk.  The commands are here so that
# a teacher can run the same ones by hand.
set -eu
minish=$1
out=$2
mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"

# page NAME COMMAND: record COMMAND into OUTDIR/NAME.html.  On a terminal
# (script(1) makes one, if it is installed) the pages show fds 0, 1 and 2
# on "terminal /dev/pts/N", as in a class; otherwise on /dev/null.
page() {
    if command -v script >/dev/null 2>&1; then
        MINISH=$minish PAGE=$out/$1.html CMD=$2 SHELL=/bin/sh \
            script -qec '"$MINISH" --trace-html="$PAGE" -c "$CMD"' /dev/null \
            </dev/null >/dev/null 2>&1 || true
    fi
    if [ ! -s "$out/$1.html" ]; then
        "$minish" --trace-html="$out/$1.html" -c "$2" </dev/null >/dev/null 2>&1 || true
    fi
}

page pipeline            'ls / | grep -v proc | wc -l > out'
page redirection-order   'ls /nope >f 2>&1; ls /nope 2>&1 >f'
page background-zombie   'set -o noreap; sleep 0.1 & sleep 0.5; reap'
page subshell            '(cd / && ls > /dev/null); pwd'
page command-substitution 'x=$(echo hi | tr a-z A-Z); echo "$x"'
