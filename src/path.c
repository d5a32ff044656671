/*
 * path.c -- finding a command in PATH.
 *
 * Owns: the PATH walk, and remembering a found-but-not-executable file so
 *       that the caller can tell 126 (cannot execute) from 127 (not found).
 * Never: forks or execs.
 *
 * There is no cache: a stat per directory is cheap next to a fork, and a
 * cache that outlives a `mv` or a PATH change is a classic shell bug.
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

char *path_search(const char *name, const char *pathvar)
{
    bool denied = false;
    if (pathvar == NULL)
        pathvar = default_path;
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

void path_forget(void)
{
    /* nothing is cached (see the file comment) */
}
