#!/usr/bin/env minish
# 02-pipeline.sh -- pipelines: the output of one command becomes the input
# of the next.
#
# For `a | b` the shell calls pipe() once and fork() twice.  The first child
# dup2()s the pipe's write end onto its stdout, the second dup2()s the read
# end onto its stdin.  Everyone -- the parent too -- must close the pipe
# ends it does not use, or the reader never sees end-of-file.
# See exec_pipeline() in src/exec*.c and docs/teaching-guide.md.

echo "hello, pipes" | tr a-z A-Z

# Three stages: number the lines, keep the even ones, count them.
printf 'one\ntwo\nthree\nfour\n' | grep -n . | grep -c '^[24]:'

# The status of a pipeline is the status of its LAST command.
false | true
echo "false | true gave $?"
true | false
echo "true | false gave $?"

# `!` inverts it.
! false | false
echo "! false | false gave $?"
