/*
 * repl.h -- the read-parse-run loop.
 *
 * Owns: one arena per command, job notices before each prompt, what a
 *       syntax error does (interactive: go on; script: exit 2).
 * Never: knows where lines come from (input.h does).
 */
#ifndef MINISH_REPL_H
#define MINISH_REPL_H

struct shell;
struct input;

/* Read, parse and run commands from IN until end of input.  Returns the exit status. */
int repl_run(struct shell *sh, struct input *in);

#endif
