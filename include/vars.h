/*
 * vars.h -- the variable table: shell variables, their export and readonly
 * flags, function-local scopes, and the environment handed to children.
 *
 * Owns: every variable name and value (heap copies).
 * Never: prints an error; it returns -1 and the caller says why.
 */
#ifndef MINISH_VARS_H
#define MINISH_VARS_H

#include <stdbool.h>
#include <stddef.h>

enum {
    VAR_EXPORT = 1u << 0,       /* passed to children in the environment */
    VAR_READONLY = 1u << 1      /* cannot be assigned or unset */
};

struct vars;

struct vars *vars_new(void);
void vars_free(struct vars *v);

/* Import "NAME=value" strings as exported variables (invalid names are skipped). */
void vars_import(struct vars *v, char *const *envp);

/* The hash of a shell name (FNV-1a); the function table uses it too. */
size_t vars_name_hash(const char *name);

/* The value, or NULL if NAME is unset. */
const char *vars_get(const struct vars *v, const char *name);
/* Set NAME (a copy of VALUE) and add FLAGS.  -1 if NAME is readonly. */
int vars_set(struct vars *v, const char *name, const char *value, unsigned flags);
/* Add FLAGS to NAME, creating it unset-but-flagged if needed (`export x`). */
void vars_add_flags(struct vars *v, const char *name, unsigned flags);
/* Flags of NAME (0 if unknown). */
unsigned vars_flags(const struct vars *v, const char *name);
/* Remove NAME.  0, or -1 if NAME is readonly. */
int vars_unset(struct vars *v, const char *name);
/* True when NAME is a valid variable name: [A-Za-z_][A-Za-z0-9_]* */
bool vars_valid_name(const char *name);
/* True when S is NAME=... with a valid NAME; *namelen gets NAME's length. */
bool vars_is_assignment(const char *s, size_t *namelen);

/*
 * Function-local variables (`local`, as in dash).  vars_push_scope starts a
 * scope when a function is called; vars_make_local saves NAME's current state
 * in the innermost scope; vars_pop_scope restores what was saved.
 */
void vars_push_scope(struct vars *v);
int vars_make_local(struct vars *v, const char *name);
void vars_pop_scope(struct vars *v);

/*
 * A NULL-terminated "NAME=value" array of the exported variables for
 * execve, owned by the table and valid until the next change to it.
 */
char *const *vars_environ(struct vars *v);

/* Call FN for every variable in name order (for `set`, `export -p`, completion). */
typedef void vars_visit_fn(const char *name, const char *value, unsigned flags, void *ctx);
void vars_foreach(const struct vars *v, vars_visit_fn *fn, void *ctx);

#endif
