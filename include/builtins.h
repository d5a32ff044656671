/*
 * builtins.h -- commands that run inside the shell: a table of {name, fn}.
 *
 * Owns: each builtin's options, output and exit status.
 * Never: walks the command tree; a builtin that must run code (eval, ., trap,
 *        command) goes through sh->ops.  Redirections around a builtin are
 *        the executor's.
 *
 * A builtin writes with stdio to stdout/stderr; the executor flushes stdout
 * after each builtin and reports a write error (e.g. to /dev/full) as status 1.
 */
#ifndef MINISH_BUILTINS_H
#define MINISH_BUILTINS_H

#include <stdbool.h>

struct shell;

typedef int builtin_fn(struct shell *sh, int argc, char **argv);

struct builtin {
    const char *name;
    builtin_fn *fn;
    bool special;           /* POSIX special builtin: errors exit a script, assignments persist */
};

/* The builtin called NAME, or NULL. */
const struct builtin *builtin_find(const char *name);
/*
 * Is NAME a declaration utility (export, local, readonly)?  Its NAME=value
 * operands are expanded as assignments: no splitting, no globbing, tilde
 * after '=' and ':' (XCU 2.9.1.1).
 */
bool builtin_is_declaration(const char *name);
/* Call FN for each builtin name in order (completion, `help`). */
void builtin_foreach(void (*fn)(const char *name, void *ctx), void *ctx);

#endif
