/*
 * funcs.c -- the function table, a chained hash table (every simple
 * command looks its name up here, and a large script defines thousands of
 * functions), and the alias table, a sorted array searched by bisection
 * (few names; `alias` lists them in name order for free).
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
#include "vars.h"

struct func_entry {
    struct func_entry *next;    /* next in the same bucket */
    struct node *body;          /* lives in arena */
    struct arena *arena;        /* we hold one reference */
    char name[];
};

struct func_table {
    struct func_entry **buckets;
    size_t nbuckets;            /* always a power of two */
    size_t count;
};

enum { FUNCS_MIN_BUCKETS = 16 };

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

/* Where NAME's entry is linked (*result is NULL if there is none). */
static struct func_entry **funcs_slot(const struct func_table *t, const char *name)
{
    struct func_entry **pp = &t->buckets[vars_name_hash(name) & (t->nbuckets - 1)];
    while (*pp != NULL && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

/* Double the buckets when there are more than two names per bucket. */
static void funcs_grow(struct func_table *t)
{
    size_t n = t->nbuckets * 2;
    struct func_entry **nb = xcalloc(n, sizeof *nb);
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct func_entry *e = t->buckets[i];
        while (e != NULL) {
            struct func_entry *next = e->next;
            size_t h = vars_name_hash(e->name) & (n - 1);
            e->next = nb[h];
            nb[h] = e;
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = nb;
    t->nbuckets = n;
}

struct func_table *funcs_new(void)
{
    struct func_table *t = xcalloc(1, sizeof *t);
    t->nbuckets = FUNCS_MIN_BUCKETS;
    t->buckets = xcalloc(t->nbuckets, sizeof *t->buckets);
    return t;
}

void funcs_free(struct func_table *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct func_entry *e = t->buckets[i];
        while (e != NULL) {
            struct func_entry *next = e->next;
            arena_unref(e->arena);
            free(e);
            e = next;
        }
    }
    free(t->buckets);
    free(t);
}

struct node *funcs_get(const struct func_table *t, const char *name)
{
    if (t->count == 0)
        return NULL;    /* most scripts: not even the hash to compute */
    struct func_entry *e = *funcs_slot(t, name);
    return e != NULL ? e->body : NULL;
}

/* Ref the new arena before dropping the old: both may be the same arena. */
void funcs_set(struct func_table *t, const char *name, struct node *body, struct arena *a)
{
    struct func_entry **pp = funcs_slot(t, name);
    arena_ref(a);
    if (*pp != NULL) {
        arena_unref((*pp)->arena);
    } else {
        if (t->count + 1 > 2 * t->nbuckets) {
            funcs_grow(t);
            pp = funcs_slot(t, name);
        }
        size_t len = strlen(name);
        struct func_entry *e = xmalloc(sizeof *e + len + 1);
        memcpy(e->name, name, len + 1);
        e->next = NULL;
        *pp = e;
        t->count++;
    }
    (*pp)->body = body;
    (*pp)->arena = a;
}

int funcs_unset(struct func_table *t, const char *name)
{
    struct func_entry **pp = funcs_slot(t, name);
    struct func_entry *e = *pp;
    if (e == NULL)
        return -1;
    *pp = e->next;
    arena_unref(e->arena);
    free(e);
    t->count--;
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    const struct func_entry *x = *(struct func_entry *const *)a;
    const struct func_entry *y = *(struct func_entry *const *)b;
    return strcmp(x->name, y->name);
}

void funcs_foreach(const struct func_table *t, funcs_visit_fn *fn, void *ctx)
{
    /* the table has no order: sort a list of the entries by name */
    struct func_entry **all = xcalloc(t->count + 1, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct func_entry *e = t->buckets[i]; e != NULL; e = e->next)
            all[n++] = e;
    qsort(all, n, sizeof *all, entry_cmp);
    for (size_t i = 0; i < n; i++)
        fn(all[i]->name, all[i]->body, ctx);
    free(all);
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
