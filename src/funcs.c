/*
 * funcs.c -- the function table and the alias table, each a sorted array
 * searched by bisection: name order for `set`/`alias` listings comes free,
 * and scripts define few enough names that insertion cost does not matter.
 *
 * Owns: a reference on the arena of every function body; alias names and
 *       texts (heap).
 * Never: runs a function or expands an alias.
 */
#include "funcs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

struct func_entry {
    char *name;
    struct node *body;      /* lives in arena */
    struct arena *arena;    /* we hold one reference */
};

struct func_table {
    struct func_entry *v;
    size_t len, cap;
};

struct alias_entry {
    char *name;
    char *value;
};

struct alias_table {
    struct alias_entry *v;
    size_t len, cap;
};

/*
 * Bisect an array of structs whose first member is `char *name`.  Returns
 * the index of NAME, or where it would be inserted, with *found set.
 */
static size_t names_find(const void *base, size_t len, size_t size,
                         const char *name, bool *found)
{
    size_t lo = 0, hi = len;
    *found = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *key = *(char *const *)((const char *)base + mid * size);
        int c = strcmp(name, key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Open a gap at index I of an array with LEN used and CAP allocated. */
static void *names_insert(void *base, size_t *len, size_t *cap, size_t size, size_t i)
{
    if (*len == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        base = xrealloc(base, *cap * size);
    }
    char *b = base;
    memmove(b + (i + 1) * size, b + i * size, (*len - i) * size);
    (*len)++;
    return base;
}

static void names_delete(void *base, size_t *len, size_t size, size_t i)
{
    char *b = base;
    memmove(b + i * size, b + (i + 1) * size, (*len - i - 1) * size);
    (*len)--;
}

/* ==== Functions ==== */

struct func_table *funcs_new(void)
{
    return xcalloc(1, sizeof(struct func_table));
}

void funcs_free(struct func_table *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->len; i++) {
        free(t->v[i].name);
        arena_unref(t->v[i].arena);
    }
    free(t->v);
    free(t);
}

struct node *funcs_get(const struct func_table *t, const char *name)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    return found ? t->v[i].body : NULL;
}

/* Ref the new arena before dropping the old: both may be the same arena. */
void funcs_set(struct func_table *t, const char *name, struct node *body, struct arena *a)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    arena_ref(a);
    if (found) {
        arena_unref(t->v[i].arena);
    } else {
        t->v = names_insert(t->v, &t->len, &t->cap, sizeof *t->v, i);
        t->v[i].name = xstrdup(name);
    }
    t->v[i].body = body;
    t->v[i].arena = a;
}

int funcs_unset(struct func_table *t, const char *name)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    if (!found)
        return -1;
    free(t->v[i].name);
    arena_unref(t->v[i].arena);
    names_delete(t->v, &t->len, sizeof *t->v, i);
    return 0;
}

void funcs_foreach(const struct func_table *t, funcs_visit_fn *fn, void *ctx)
{
    for (size_t i = 0; i < t->len; i++)
        fn(t->v[i].name, t->v[i].body, ctx);
}

/* ==== Aliases ==== */

struct alias_table *alias_new(void)
{
    return xcalloc(1, sizeof(struct alias_table));
}

void alias_clear(struct alias_table *t)
{
    for (size_t i = 0; i < t->len; i++) {
        free(t->v[i].name);
        free(t->v[i].value);
    }
    t->len = 0;
}

void alias_free(struct alias_table *t)
{
    if (t == NULL)
        return;
    alias_clear(t);
    free(t->v);
    free(t);
}

const char *alias_get(const struct alias_table *t, const char *name)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    return found ? t->v[i].value : NULL;
}

void alias_set(struct alias_table *t, const char *name, const char *value)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    char *copy = xstrdup(value);    /* VALUE may be the old text itself */
    if (found) {
        free(t->v[i].value);
    } else {
        t->v = names_insert(t->v, &t->len, &t->cap, sizeof *t->v, i);
        t->v[i].name = xstrdup(name);
    }
    t->v[i].value = copy;
}

int alias_unset(struct alias_table *t, const char *name)
{
    bool found;
    size_t i = names_find(t->v, t->len, sizeof *t->v, name, &found);
    if (!found)
        return -1;
    free(t->v[i].name);
    free(t->v[i].value);
    names_delete(t->v, &t->len, sizeof *t->v, i);
    return 0;
}

void alias_foreach(const struct alias_table *t, alias_visit_fn *fn, void *ctx)
{
    for (size_t i = 0; i < t->len; i++)
        fn(t->v[i].name, t->v[i].value, ctx);
}
