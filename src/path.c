/*
 * path.c -- finding a command in PATH.
 *
 * Owns: the PATH walk, remembering a found-but-not-executable file so
 *       that the caller can tell 126 (cannot execute) from 127 (not found),
 *       and the cache of where commands were found (`hash`).
 * Never: forks or execs.
 *
 * The cache saves the walk (a stat per directory before the match) for a
 * command run again.  A cache that outlives a `mv` or a PATH change is a
 * classic shell bug, so an entry is used only while PATH is the very string
 * it was found with and its file is still an executable regular file (else
 * PATH is searched again); assigning PATH and `cd` forget everything (a
 * relative PATH entry depends on the cwd).
 */
#include "path.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

/* dash's default when PATH is unset */
static const char default_path[] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/* DIR/NAME on the heap; an empty DIR means the current directory. */
static char *join(const char *dir, size_t dirlen, const char *name)
{
    if (dirlen == 0) {
        dir = ".";
        dirlen = 1;
    }
    size_t n = strlen(name);
    char *p = xmalloc(dirlen + 1 + n + 1);
    memcpy(p, dir, dirlen);
    p[dirlen] = '/';
    memcpy(p + dirlen + 1, name, n + 1);
    return p;
}

/* 0: PATH is an executable regular file; else ENOENT, or EACCES if it
 * exists as a regular file we may not execute. */
static int check_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
        return ENOENT;      /* directories and missing files: keep looking */
    return access(path, X_OK) == 0 ? 0 : EACCES;
}

/* ==== The cache ==== */

enum { CACHE_SLOTS = 64 };      /* direct-mapped by a hash of the name */

struct cached {
    char *name;                 /* heap; NULL: empty slot */
    char *full;                 /* where it was found (absolute) */
};

static struct cached cache[CACHE_SLOTS];
static char *cache_pathvar;     /* the PATH every entry was found with */
/* The entry path_warm() has just checked, for the child about to be
 * forked: it takes it without checking the file again. */
static const struct cached *warm;

static size_t cache_slot(const char *name)
{
    size_t h = 5381;
    for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
        h = h * 33 + *p;
    return h % CACHE_SLOTS;
}

void path_forget(void)
{
    warm = NULL;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        free(cache[i].name);
        free(cache[i].full);
        cache[i].name = cache[i].full = NULL;
    }
    free(cache_pathvar);
    cache_pathvar = NULL;
}

/* A heap copy of NAME's remembered path if it is still good, else NULL. */
static char *cache_get(const char *name, const char *pathvar)
{
    if (cache_pathvar == NULL || strcmp(cache_pathvar, pathvar) != 0) {
        path_forget();      /* PATH changed: everything found with it is stale */
        cache_pathvar = xstrdup(pathvar);
        return NULL;
    }
    struct cached *c = &cache[cache_slot(name)];
    if (c->name == NULL || strcmp(c->name, name) != 0)
        return NULL;
    if (c == warm)
        warm = NULL;        /* checked by the parent a moment ago */
    else if (check_file(c->full) != 0)
        return NULL;
    return xstrdup(c->full);
}

void path_foreach(void (*fn)(const char *full, void *ctx), void *ctx)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        if (cache[i].name != NULL)
            fn(cache[i].full, ctx);
}

static void cache_put(const char *name, const char *full)
{
    struct cached *c = &cache[cache_slot(name)];
    free(c->name);
    free(c->full);
    c->name = xstrdup(name);
    c->full = xstrdup(full);
}

/* ==== The walk ==== */

/* The first executable NAME in PATHVAR's directories, or NULL with errno. */
static char *path_walk(const char *name, const char *pathvar)
{
    bool denied = false;
    const char *dir = pathvar;
    for (;;) {
        size_t len = strcspn(dir, ":");
        char *full = join(dir, len, name);
        int err = check_file(full);
        if (err == 0)
            return full;
        denied |= err == EACCES;
        free(full);
        if (dir[len] == '\0')
            break;
        dir += len + 1;
    }
    errno = denied ? EACCES : ENOENT;
    return NULL;
}

void path_warm(const char *name, const char *pathvar)
{
    char *full = path_search(name, pathvar);
    if (full != NULL)
        warm = &cache[cache_slot(name)];
    free(full);
}

void path_cool(void)
{
    warm = NULL;
}

char *path_search(const char *name, const char *pathvar)
{
    if (pathvar == NULL)
        pathvar = default_path;
    char *full = cache_get(name, pathvar);
    if (full != NULL)
        return full;
    full = path_walk(name, pathvar);
    if (full != NULL)
        cache_put(name, full);
    return full;
}
