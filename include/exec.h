/*
 * exec.h -- the executor: walks the command tree and runs it.
 *
 * Owns: the order of evaluation (; && || ! & pipelines, compound commands),
 *       fork/exec of external commands, pipelines, subshells, function
 *       calls, builtins with their redirections, command substitution,
 *       set -e/-x, $?.
 * Never: parses text directly (it calls the parser) or prints job notices.
 */
#ifndef MINISH_EXEC_H
#define MINISH_EXEC_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"

struct shell;

/* Fill sh->ops with the executor's entry points. */
void exec_init(struct shell *sh);

/* Run N (NULL is an empty command: status 0).  Returns the status, also left in sh->last_status. */
int exec_tree(struct shell *sh, struct node *n);

/* Parse and run TEXT one command at a time (eval, -c, trap actions). */
int exec_string(struct shell *sh, const char *text, const char *name);

/*
 * Run N, a command parsed into arena A (the REPL's entry point).  A function
 * that N defines takes a reference on A, so the body outlives the command.
 * LAST: nothing follows N in this shell (the end of `sh -c`), so its last
 * program may replace the shell instead of being forked.
 * Returns the status, also left in sh->last_status.
 */
int exec_command(struct shell *sh, struct node *n, struct arena *a, bool last);

/* Say which arena the trees run from now on live in (exec_command does it). */
void exec_set_arena(struct arena *a);

#endif
