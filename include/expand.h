/*
 * expand.h -- words to strings: tilde, parameter, command substitution,
 * arithmetic, field splitting, pathname expansion and quote removal, in the
 * order POSIX (XCU 2.6) gives.
 *
 * Owns: what each quoting context protects, IFS splitting, glob(3) calls.
 * Never: runs commands itself; command substitution goes through
 *        sh->ops.cmdsub.
 *
 * Results are allocated in the arena A.  A function that returns -1 (or NULL)
 * has printed its error ("minish: x: parameter not set") and set
 * sh->last_status; the caller abandons the command, and a non-interactive
 * shell exits (see shell_expansion_failed).
 */
#ifndef MINISH_EXPAND_H
#define MINISH_EXPAND_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"

struct shell;

/*
 * Expand a list of words into fields (argv).  *argv_out is NULL-terminated.
 * Returns 0 or -1.
 */
int expand_words(struct shell *sh, struct arena *a, const struct word *words,
                 char ***argv_out, size_t *argc_out);

/* What a command name says about the words after it (XCU 2.9.1.1). */
enum decl_kind {
    DECL_NO,        /* an ordinary command */
    DECL_YES,       /* a declaration utility (export, readonly, local) */
    DECL_NEXT       /* `command`: the next field decides */
};
typedef enum decl_kind expand_decl_fn(struct shell *sh, const char *name);
/*
 * expand_words for a simple command: once IS_DECL says the command is a
 * declaration utility, each later word written as NAME=value is expanded as
 * an assignment (one field, no globbing, tilde after '=' and ':').
 */
int expand_command(struct shell *sh, struct arena *a, const struct word *words,
                   expand_decl_fn *is_decl, char ***argv_out, size_t *argc_out);

enum {
    EXP_ASSIGN = 1u << 0,   /* an assignment value: tilde after ':' and '=' too */
    EXP_PATTERN = 1u << 1,  /* keep glob characters from unquoted parts active, escape the rest
                               with '\\', for fnmatch (case patterns, ${x#p}) */
    EXP_NOTILDE = 1u << 2   /* no tilde expansion */
};

/* Expand one word to one string: no field splitting, no pathname expansion. */
char *expand_word(struct shell *sh, struct arena *a, const struct word *w, unsigned flags);

/* Expand a here-document body (see ast.h); a quoted one is returned as is. */
char *expand_heredoc(struct shell *sh, struct arena *a, const struct redir *r);

/* Expand the text of PS1/PS2/PS4: parameters, $(...) and $((...)) only. */
char *expand_prompt(struct shell *sh, struct arena *a, const char *text);

/*
 * The exit status of the last command substitution expanded (0 before any).
 * An assignment-only command takes it as its status (POSIX XCU 2.9.1); `$?`
 * is not changed by a $(...) until the command is done.
 */
int expand_cmdsub_status(void);
/* Does TEXT match the shell pattern PATTERN (from EXP_PATTERN)? */
bool expand_match(const char *pattern, const char *text);

#endif
