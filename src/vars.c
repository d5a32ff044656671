/*
 * vars.c -- the variable table: a chained hash table of heap strings, the
 * export/readonly flags, function-local scopes and the cached environment.
 *
 * Owns: every variable's name and value, the saved values of local scopes,
 *       and the envp array handed to execve.
 * Never: prints; every failure is a -1 the caller explains.
 */
#include "vars.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

struct var {
    char *name;
    char *value;            /* NULL: unset but flagged (`export x` before x=...) */
    unsigned flags;         /* VAR_EXPORT | VAR_READONLY */
    struct var *next;       /* next in the same hash bucket */
};

/* What a local scope remembers about one name, to put it back on return. */
struct saved_var {
    char *name;
    char *value;            /* the old value (heap) or NULL */
    unsigned flags;
    bool existed;           /* false: the name was not in the table at all */
    struct saved_var *next;
};

struct scope {
    struct saved_var *saved;
    struct scope *outer;
};

struct vars {
    struct var **buckets;
    size_t nbuckets;        /* always a power of two */
    size_t count;
    struct scope *scopes;   /* innermost first */
    char **env;             /* cached envp, NULL when it must be rebuilt */
    size_t env_len;
};

enum { VARS_MIN_BUCKETS = 64 };

/* ==== Hashing ==== */

/* FNV-1a: simple, and good enough for short identifier keys. */
static size_t vars_hash(const char *name)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

static struct var **vars_slot(const struct vars *v, const char *name)
{
    struct var **pp = &v->buckets[vars_hash(name) & (v->nbuckets - 1)];
    while (*pp != NULL && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

static struct var *vars_find(const struct vars *v, const char *name)
{
    return *vars_slot(v, name);
}

/* Double the bucket array when the load factor passes 1, so lookups stay O(1). */
static void vars_grow(struct vars *v)
{
    size_t n = v->nbuckets * 2;
    struct var **nb = xcalloc(n, sizeof *nb);
    for (size_t i = 0; i < v->nbuckets; i++) {
        struct var *e = v->buckets[i];
        while (e != NULL) {
            struct var *next = e->next;
            size_t h = vars_hash(e->name) & (n - 1);
            e->next = nb[h];
            nb[h] = e;
            e = next;
        }
    }
    free(v->buckets);
    v->buckets = nb;
    v->nbuckets = n;
}

/* Find NAME or create it unset with no flags. */
static struct var *vars_intern(struct vars *v, const char *name)
{
    struct var *e = vars_find(v, name);
    if (e != NULL)
        return e;
    if (v->count + 1 > v->nbuckets)
        vars_grow(v);
    struct var **pp = vars_slot(v, name);
    e = xcalloc(1, sizeof *e);
    e->name = xstrdup(name);
    *pp = e;
    v->count++;
    return e;
}

/* Unlink and free NAME's entry (no readonly check). */
static void vars_remove(struct vars *v, const char *name)
{
    struct var **pp = vars_slot(v, name);
    struct var *e = *pp;
    if (e == NULL)
        return;
    *pp = e->next;
    free(e->name);
    free(e->value);
    free(e);
    v->count--;
}

/* The cached environment goes stale whenever an exported variable changes. */
static void vars_env_dirty(struct vars *v)
{
    if (v->env == NULL)
        return;
    for (size_t i = 0; i < v->env_len; i++)
        free(v->env[i]);
    free(v->env);
    v->env = NULL;
    v->env_len = 0;
}

/* ==== Lifetime ==== */

struct vars *vars_new(void)
{
    struct vars *v = xcalloc(1, sizeof *v);
    v->nbuckets = VARS_MIN_BUCKETS;
    v->buckets = xcalloc(v->nbuckets, sizeof *v->buckets);
    return v;
}

static void scope_free(struct scope *s)
{
    struct saved_var *sv = s->saved;
    while (sv != NULL) {
        struct saved_var *next = sv->next;
        free(sv->name);
        free(sv->value);
        free(sv);
        sv = next;
    }
    free(s);
}

void vars_free(struct vars *v)
{
    if (v == NULL)
        return;
    while (v->scopes != NULL) {
        struct scope *outer = v->scopes->outer;
        scope_free(v->scopes);
        v->scopes = outer;
    }
    for (size_t i = 0; i < v->nbuckets; i++) {
        struct var *e = v->buckets[i];
        while (e != NULL) {
            struct var *next = e->next;
            free(e->name);
            free(e->value);
            free(e);
            e = next;
        }
    }
    vars_env_dirty(v);
    free(v->buckets);
    free(v);
}

/* ==== Names ==== */

bool vars_valid_name(const char *name)
{
    if (name == NULL || !(isalpha((unsigned char)*name) || *name == '_'))
        return false;
    for (const char *p = name + 1; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_'))
            return false;
    return true;
}

bool vars_is_assignment(const char *s, size_t *namelen)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    size_t n = 1;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    if (s[n] != '=')
        return false;
    if (namelen != NULL)
        *namelen = n;
    return true;
}

/*
 * Import the environment.  Only valid names become variables: a string
 * such as "BASH_FUNC_f%%=() { ...}" is skipped, so nothing in the
 * environment can ever define a function.
 */
void vars_import(struct vars *v, char *const *envp)
{
    for (; envp != NULL && *envp != NULL; envp++) {
        size_t n;
        if (!vars_is_assignment(*envp, &n))
            continue;
        char *name = xstrndup(*envp, n);
        vars_set(v, name, *envp + n + 1, VAR_EXPORT);
        free(name);
    }
}

/* ==== Get and set ==== */

const char *vars_get(const struct vars *v, const char *name)
{
    struct var *e = vars_find(v, name);
    return e ? e->value : NULL;
}

int vars_set(struct vars *v, const char *name, const char *value, unsigned flags)
{
    struct var *e = vars_find(v, name);
    if (e != NULL && (e->flags & VAR_READONLY))
        return -1;
    e = vars_intern(v, name);
    char *copy = xstrdup(value);
    free(e->value);
    e->value = copy;
    e->flags |= flags;
    if (e->flags & VAR_EXPORT)
        vars_env_dirty(v);
    return 0;
}

void vars_add_flags(struct vars *v, const char *name, unsigned flags)
{
    struct var *e = vars_intern(v, name);
    if ((flags & VAR_EXPORT) && !(e->flags & VAR_EXPORT) && e->value != NULL)
        vars_env_dirty(v);
    e->flags |= flags;
}

unsigned vars_flags(const struct vars *v, const char *name)
{
    struct var *e = vars_find(v, name);
    return e ? e->flags : 0;
}

int vars_unset(struct vars *v, const char *name)
{
    struct var *e = vars_find(v, name);
    if (e == NULL)
        return 0;
    if (e->flags & VAR_READONLY)
        return -1;
    if (e->flags & VAR_EXPORT)
        vars_env_dirty(v);
    vars_remove(v, name);
    return 0;
}

/* ==== Local scopes ==== */

void vars_push_scope(struct vars *v)
{
    struct scope *s = xcalloc(1, sizeof *s);
    s->outer = v->scopes;
    v->scopes = s;
}

/*
 * Remember NAME's value and flags in the innermost scope (once per scope;
 * a second `local x` in the same function keeps the first saved state).
 * The variable keeps its current value, as in dash.  -1 outside a function.
 */
int vars_make_local(struct vars *v, const char *name)
{
    struct scope *s = v->scopes;
    if (s == NULL)
        return -1;
    for (struct saved_var *sv = s->saved; sv != NULL; sv = sv->next)
        if (strcmp(sv->name, name) == 0)
            return 0;
    struct saved_var *sv = xcalloc(1, sizeof *sv);
    struct var *e = vars_find(v, name);
    sv->name = xstrdup(name);
    sv->existed = e != NULL;
    if (e != NULL) {
        sv->value = e->value ? xstrdup(e->value) : NULL;
        sv->flags = e->flags;
    }
    sv->next = s->saved;
    s->saved = sv;
    return 0;
}

/* Put one saved variable back exactly, readonly or not. */
static void vars_restore(struct vars *v, struct saved_var *sv)
{
    struct var *e = vars_find(v, sv->name);
    if ((e != NULL && (e->flags & VAR_EXPORT)) || (sv->flags & VAR_EXPORT))
        vars_env_dirty(v);
    if (!sv->existed) {
        vars_remove(v, sv->name);
        return;
    }
    e = vars_intern(v, sv->name);
    free(e->value);
    e->value = sv->value;       /* ownership moves back to the table */
    sv->value = NULL;
    e->flags = sv->flags;
}

void vars_pop_scope(struct vars *v)
{
    struct scope *s = v->scopes;
    if (s == NULL)
        return;
    for (struct saved_var *sv = s->saved; sv != NULL; sv = sv->next)
        vars_restore(v, sv);
    v->scopes = s->outer;
    scope_free(s);
}

/* ==== Environment and listing ==== */

/* Every entry, sorted by name (the table itself has no order). */
static struct var **vars_sorted(const struct vars *v, size_t *n_out);

char *const *vars_environ(struct vars *v)
{
    if (v->env != NULL)
        return v->env;
    size_t n;
    struct var **all = vars_sorted(v, &n);
    v->env = xcalloc(n + 1, sizeof *v->env);
    v->env_len = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(all[i]->flags & VAR_EXPORT) || all[i]->value == NULL)
            continue;
        size_t ln = strlen(all[i]->name), lv = strlen(all[i]->value);
        char *s = xmalloc(ln + lv + 2);
        memcpy(s, all[i]->name, ln);
        s[ln] = '=';
        memcpy(s + ln + 1, all[i]->value, lv + 1);
        v->env[v->env_len++] = s;
    }
    free(all);
    return v->env;
}

static int var_cmp(const void *a, const void *b)
{
    const struct var *x = *(struct var *const *)a, *y = *(struct var *const *)b;
    return strcmp(x->name, y->name);
}

static struct var **vars_sorted(const struct vars *v, size_t *n_out)
{
    struct var **all = xcalloc(v->count + 1, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < v->nbuckets; i++)
        for (struct var *e = v->buckets[i]; e != NULL; e = e->next)
            all[n++] = e;
    qsort(all, n, sizeof *all, var_cmp);
    *n_out = n;
    return all;
}

/* VALUE is NULL for a flagged but unset variable (`export x`). */
void vars_foreach(const struct vars *v, vars_visit_fn *fn, void *ctx)
{
    size_t n;
    struct var **all = vars_sorted(v, &n);
    for (size_t i = 0; i < n; i++)
        fn(all[i]->name, all[i]->value, all[i]->flags, ctx);
    free(all);
}
