/*
 * funcs.h -- the function table and the alias table: names the shell looks
 * up before builtins and PATH.
 *
 * Owns: each function's body (by holding a reference on the arena the
 *       body was parsed into) and each alias's text.
 * Never: runs a function; the executor does.
 */
#ifndef MINISH_FUNCS_H
#define MINISH_FUNCS_H

#include "arena.h"
#include "ast.h"

struct func_table;

struct func_table *funcs_new(void);
void funcs_free(struct func_table *t);
/* The body of function NAME, or NULL. */
struct node *funcs_get(const struct func_table *t, const char *name);
/* Define NAME.  Takes a reference on A, which holds BODY; drops the old one's. */
void funcs_set(struct func_table *t, const char *name, struct node *body, struct arena *a);
/* 0, or -1 if there is no such function. */
int funcs_unset(struct func_table *t, const char *name);
/* Call FN for each function in name order. */
typedef void funcs_visit_fn(const char *name, const struct node *body, void *ctx);
void funcs_foreach(const struct func_table *t, funcs_visit_fn *fn, void *ctx);

struct alias_table;

struct alias_table *alias_new(void);
void alias_free(struct alias_table *t);
const char *alias_get(const struct alias_table *t, const char *name);
void alias_set(struct alias_table *t, const char *name, const char *value);
int alias_unset(struct alias_table *t, const char *name);
void alias_clear(struct alias_table *t);
typedef void alias_visit_fn(const char *name, const char *value, void *ctx);
void alias_foreach(const struct alias_table *t, alias_visit_fn *fn, void *ctx);

#endif
