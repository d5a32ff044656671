/*
 * diag.h -- error messages, exit-status constants and memory-or-die helpers.
 *
 * Owns: the "minish: WHAT: WHY" format and where errors are reported from.
 * Never: decides whether the shell exits; callers return a status.
 */
#ifndef MINISH_DIAG_H
#define MINISH_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum {
    STATUS_OK = 0,
    STATUS_FAIL = 1,
    STATUS_SYNTAX = 2,      /* syntax error, bad builtin usage */
    STATUS_NOEXEC = 126,    /* found but cannot be executed */
    STATUS_NOTFOUND = 127,  /* command not found */
    STATUS_SIGBASE = 128    /* killed by signal N: 128 + N */
};

/*
 * Where errors come from.  With a script name set, messages read
 * "minish: FILE: line N: WHAT: WHY"; without one, "minish: WHAT: WHY".
 * The name is copied.  Pass NULL to clear it.
 */
void diag_set_source(const char *script_name);
const char *diag_source(void);
void diag_set_line(int line);
int diag_line(void);

/* While muted, diag_error and diag_syntax print nothing: a command the
 * user abandoned with Ctrl-C has no errors worth showing. */
void diag_mute(bool on);

/* Print "minish: [FILE: line N: ]WHAT: WHY\n" to stderr.  WHAT may be NULL. */
void diag_error(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * A syntax error near token NEAR:
 *   minish: [FILE: ][WHERE: ]syntax error near 'X'
 * WHERE is "line N", "line N of the command" (interactive) or NULL.
 * If SRC_LINE is non-NULL (interactive use) the offending line is shown too,
 * with a caret under byte COL (1-based), in display columns, as compilers do.
 */
void diag_syntax(const char *where, int col, const char *near, const char *src_line);

/* Print "minish: WHAT: WHY" and exit(2).  For impossible situations only. */
_Noreturn void diag_fatal(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* malloc and friends that never return NULL: out of memory is fatal. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
