/*
 * vars.c -- the variable table: a chained hash table of variables, the
 * export/readonly flags, function-local scopes and the cached environment.
 * Each variable is one allocation: the entry, its name and its value
 * together (a shorter value is written in place; a longer one moves the
 * entry to a bigger block).
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
    struct var *next;       /* next in the same hash bucket */
    char *value;            /* NULL: unset but flagged (`export x` before x=...);
                             * else it points into name[], after the name */
    unsigned flags;         /* VAR_EXPORT | VAR_READONLY */
    unsigned cap;           /* bytes for the value after the name's '\0' */
    char name[];            /* "NAME\0VALUE\0" */
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
size_t vars_name_hash(const char *name)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

/* strcmp(a, b) == 0 for names, inline: names are short, and every
 * variable read or written compares at least one. */
static bool same_name(const char *a, const char *b)
{
    while (*a == *b && *a != '\0') {
        a++;
        b++;
    }
    return *a == *b;
}

static struct var **vars_slot(const struct vars *v, const char *name)
{
    struct var **pp = &v->buckets[vars_name_hash(name) & (v->nbuckets - 1)];
    while (*pp != NULL && !same_name((*pp)->name, name))
        pp = &(*pp)->next;
    return pp;
}

static struct var *vars_find(const struct vars *v, const char *name)
{
    return *vars_slot(v, name);
}

/* Double the bucket array when the load factor passes 2, so lookups stay
 * O(1) (2, not 1: the array is 8 bytes a bucket, 64 KiB for 10 000 names). */
static void vars_grow(struct vars *v)
{
    size_t n = v->nbuckets * 2;
    struct var **nb = xcalloc(n, sizeof *nb);
    for (size_t i = 0; i < v->nbuckets; i++) {
        struct var *e = v->buckets[i];
        while (e != NULL) {
            struct var *next = e->next;
            size_t h = vars_name_hash(e->name) & (n - 1);
            e->next = nb[h];
            nb[h] = e;
            e = next;
        }
    }
    free(v->buckets);
    v->buckets = nb;
    v->nbuckets = n;
}

/* A new entry for NAME with room for a value of CAP bytes (unset). */
static struct var *var_alloc(const char *name, size_t namelen, size_t cap)
{
    struct var *e = xmalloc(sizeof *e + namelen + 1 + cap);
    e->next = NULL;
    e->value = NULL;
    e->flags = 0;
    e->cap = (unsigned)cap;
    memcpy(e->name, name, namelen + 1);
    return e;
}

/* Find NAME or create it unset with no flags; CAP: room for the value
 * the caller is about to store. */
static struct var *vars_intern_cap(struct vars *v, const char *name, size_t cap)
{
    struct var *e = vars_find(v, name);
    if (e != NULL)
        return e;
    if (v->count + 1 > 2 * v->nbuckets)
        vars_grow(v);
    struct var **pp = vars_slot(v, name);
    e = var_alloc(name, strlen(name), cap);
    *pp = e;
    v->count++;
    return e;
}

static struct var *vars_intern(struct vars *v, const char *name)
{
    return vars_intern_cap(v, name, 0);
}

/* Store VALUE (LEN bytes and a '\0') in E, in place when it fits, else in
 * a bigger block that replaces E in its bucket.  Returns the entry. */
static struct var *var_store(struct vars *v, struct var *e, const char *value, size_t len)
{
    size_t namelen = strlen(e->name);
    if (len + 1 <= e->cap) {
        e->value = memmove(e->name + namelen + 1, value, len + 1);
        return e;
    }
    struct var *ne = var_alloc(e->name, namelen, len + 1);
    ne->next = e->next;
    ne->flags = e->flags;
    ne->value = memcpy(ne->name + namelen + 1, value, len + 1);
    *vars_slot(v, e->name) = ne;    /* E is still linked: its slot is found */
    free(e);
    return ne;
}

/* Unlink and free NAME's entry (no readonly check). */
static void vars_remove(struct vars *v, const char *name)
{
    struct var **pp = vars_slot(v, name);
    struct var *e = *pp;
    if (e == NULL)
        return;
    *pp = e->next;
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
        char small[128];    /* most names: no malloc and free for each */
        char *name = n < sizeof small ? memcpy(small, *envp, n) : xstrndup(*envp, n);
        name[n] = '\0';
        vars_set(v, name, *envp + n + 1, VAR_EXPORT);
        if (name != small)
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
    size_t len = strlen(value);
    e = var_store(v, e != NULL ? e : vars_intern_cap(v, name, len + 1), value, len);
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
    if (sv->value != NULL)
        e = var_store(v, e, sv->value, strlen(sv->value));
    else
        e->value = NULL;
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
