#!/usr/bin/env minish
# 09-getopts.sh -- parse command-line options the POSIX way.
#
# getopts NAME reads one option per call from "$@": it sets NAME to the
# option letter, OPTARG to its argument (for letters followed by ':' in the
# spec), and advances OPTIND.  It returns non-zero when options run out.

usage() { echo "usage: greet [-v] [-n NAME] [-t TIMES] [words...]"; }

greet() {
    verbose=0 name=world times=1
    OPTIND=1                      # reset: greet is called more than once
    while getopts "vn:t:" opt; do
        case $opt in
            v) verbose=1 ;;
            n) name=$OPTARG ;;
            t) times=$OPTARG ;;
            *) usage; return 2 ;;
        esac
    done
    shift $((OPTIND - 1))         # what is left are the operands
    [ "$verbose" = 1 ] && echo "(verbose: name=$name times=$times rest=$*)"
    i=0
    while [ "$i" -lt "$times" ]; do
        echo "hello, $name${1:+ ($*)}"
        i=$((i + 1))
    done
}

greet
greet -n Ada
greet -v -t 2 -n Linus extra words
greet -x 2>/dev/null
echo "bad option status: $?"
