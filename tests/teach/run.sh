#!/bin/sh
# run.sh MODE MINISH VICTIMS -- the teaching layer's tests (see teach.py).
#   narration  golden narration of tests/teach/narration/*.sh
#   jsonl      --trace-file against docs/trace-format.md's schema; --trace-dot; --ast=dot
#   proc       ptree and fds against /proc; the set -o noreap zombie demo
#   lessons    every ```minish-session block of docs/lessons/*.md
#   guide      the teaching guide's concept map covers every lesson, names real functions
exec python3 "$(dirname "$0")/teach.py" "$@"
