/*
 * bi_cd.c -- cd and pwd: the working directory and $PWD / $OLDPWD.
 *
 * Owns: logical paths (-L: `..` removes the last component of $PWD, as the
 *       user typed it, symlinks kept) versus physical ones (-P: getcwd).
 * Never: caches the directory anywhere but in PWD.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "path.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

/* getcwd into a heap string, or NULL. */
static char *cd_getcwd(void)
{
    size_t size = 256;
    for (;;) {
        char *buf = xmalloc(size);
        if (getcwd(buf, size) != NULL)
            return buf;
        free(buf);
        if (errno != ERANGE)
            return NULL;
        size *= 2;
    }
}

/*
 * Canonicalise PATH textually (absolute): drop "." and empty components,
 * let ".." remove the one before it.  Returns a heap string.
 */
static char *cd_canonical(const char *path)
{
    struct strbuf out = STRBUF_INIT;
    const char *p = path;
    while (*p != '\0') {
        size_t len;
        while (*p == '/')
            p++;
        len = strcspn(p, "/");
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* nothing: "//" or "/./" */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (out.len > 0 && out.buf[out.len - 1] != '/')
                out.len--;
            if (out.len > 0)
                out.len--;      /* the '/' before the removed component */
            if (out.buf != NULL)
                out.buf[out.len] = '\0';
        } else {
            sb_putc(&out, '/');
            sb_putn(&out, p, len);
        }
        p += len;
    }
    if (out.len == 0)
        sb_putc(&out, '/');
    return sb_detach(&out);
}

/* The shell's idea of the current directory: $PWD if absolute, else getcwd. */
static char *cd_current(struct shell *sh)
{
    const char *pwd = vars_get(sh->vars, "PWD");
    if (pwd != NULL && pwd[0] == '/')
        return xstrdup(pwd);
    return cd_getcwd();
}

/* Is DIR a directory? */
static bool cd_isdir(const char *dir)
{
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Apply CDPATH to DIR: the first CDPATH entry E with E/DIR a directory.
 * Returns a heap path (and sets *print for a non-empty entry), or NULL
 * when DIR is used as it is.
 */
static char *cd_search(struct shell *sh, const char *dir, bool *print)
{
    const char *cdpath = vars_get(sh->vars, "CDPATH");
    struct strbuf sb = STRBUF_INIT;
    if (cdpath == NULL || dir[0] == '/' || strcmp(dir, ".") == 0 || strcmp(dir, "..") == 0
        || strncmp(dir, "./", 2) == 0 || strncmp(dir, "../", 3) == 0)
        return NULL;
    for (const char *p = cdpath;; p++) {
        size_t len = strcspn(p, ":");
        sb_reset(&sb);
        if (len > 0) {
            sb_putn(&sb, p, len);
            if (sb.buf[sb.len - 1] != '/')
                sb_putc(&sb, '/');
        }
        sb_puts(&sb, dir);
        if (cd_isdir(sb_str(&sb))) {
            *print = len > 0;
            return sb_detach(&sb);
        }
        p += len;
        if (*p == '\0')
            break;
    }
    sb_free(&sb);
    return NULL;
}

/*
 * chdir to TARGET.  Logical: TARGET joined to $PWD and canonicalised
 * (falling back to the physical path if that fails).  Returns the new
 * $PWD (heap) or NULL with errno set; *MOVED says whether the chdir itself
 * succeeded (then only the new directory's name is unknown).
 */
static char *cd_go(struct shell *sh, const char *target, bool physical, bool *moved)
{
    *moved = false;
    char *logical = NULL;
    if (!physical) {
        char *cur = target[0] == '/' ? NULL : cd_current(sh);
        struct strbuf sb = STRBUF_INIT;
        if (cur != NULL)
            sb_printf(&sb, "%s/", cur);
        sb_puts(&sb, target);
        logical = (target[0] == '/' || cur != NULL) ? cd_canonical(sb_str(&sb)) : NULL;
        sb_free(&sb);
        free(cur);
        if (logical != NULL && chdir(logical) == 0) {
            *moved = true;
            return logical;
        }
        free(logical);
    }
    if (chdir(target) < 0)
        return NULL;
    *moved = true;
    return cd_getcwd();
}

/* Set PWD and OLDPWD after a successful chdir. */
static void cd_update(struct shell *sh, char *old, const char *now)
{
    path_forget();      /* a command found in a relative PATH entry is elsewhere now */
    /* both exported, as dash does, even when they were not in the environment */
    if (old != NULL && shell_set_var(sh, "OLDPWD", old, VAR_EXPORT) < 0)
        diag_error("cd", "OLDPWD: is read only");
    if (shell_set_var(sh, "PWD", now, VAR_EXPORT) < 0)
        diag_error("cd", "PWD: is read only");
}

/* Which directory `cd ARG` means: HOME, OLDPWD for "-", or ARG.  NULL: error reported. */
static const char *cd_target(struct shell *sh, const char *arg, bool *print)
{
    const char *dir = arg;
    if (arg == NULL) {
        dir = vars_get(sh->vars, "HOME");
        if (dir == NULL || dir[0] == '\0')
            diag_error("cd", "HOME not set");
    } else if (strcmp(arg, "-") == 0) {
        dir = vars_get(sh->vars, "OLDPWD");
        if (dir == NULL)
            diag_error("cd", "OLDPWD not set");
        *print = true;
    }
    return dir != NULL && dir[0] != '\0' ? dir : NULL;
}

/*
 * cd [-L|-P [-e]] [dir|-] -- change directory (HOME by default, CDPATH
 * searched).  -e (POSIX.1-2024): with -P, status 1 when the directory was
 * changed but its name cannot be found (getcwd failed).
 */
int bi_cd(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    bool print = false, physical = false, moved;
    int i = bi_options(argc, argv, "LPe", &flags);
    if (i < 0)
        return 2;
    for (int k = 1; k < i; k++)      /* the last of -L / -P wins */
        for (const char *p = argv[k] + 1; *p != '\0'; p++)
            if (*p == 'L' || *p == 'P')
                physical = *p == 'P';
    bool check = physical && (flags & 4u);
    const char *home = vars_get(sh->vars, "HOME");
    if (i >= argc && (home == NULL || home[0] == '\0'))
        return 0;   /* POSIX: implementation-defined, "no further steps"; dash: quiet success */
    const char *dir = cd_target(sh, i < argc ? argv[i] : NULL, &print);
    if (dir == NULL)
        return 1;
    char *found = cd_search(sh, dir, &print);
    char *old = cd_current(sh);
    char *now = cd_go(sh, found != NULL ? found : dir, physical, &moved);
    if (now == NULL && moved) {
        diag_error("cd", "%s: cannot find the name of the new directory: %s", dir, strerror(errno));
        free(found);
        free(old);
        return check ? 1 : 0;
    }
    if (now == NULL) {
        diag_error("cd", "%s: %s", dir, strerror(errno));
        free(found);
        free(old);
        return 2;   /* dash's status ("can't cd to") */
    }
    cd_update(sh, old, now);
    if (print)
        puts(now);
    free(found);
    free(old);
    free(now);
    return 0;
}

/* Is PWD an absolute path with no "." or ".." in it? */
static bool pwd_is_clean(const char *pwd)
{
    if (pwd == NULL || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
        return false;
    size_t n = strlen(pwd);
    return !((n >= 2 && strcmp(pwd + n - 2, "/.") == 0)
             || (n >= 3 && strcmp(pwd + n - 3, "/..") == 0));
}

/* Does PWD name the current directory, with no "." or ".." in it? */
static bool pwd_is_current(const char *pwd)
{
    struct stat a, b;
    return pwd_is_clean(pwd) && stat(pwd, &a) == 0 && stat(".", &b) == 0
           && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* pwd [-L|-P] -- print the current directory ($PWD if it is right, else getcwd). */
int bi_pwd(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    int i = bi_options(argc, argv, "LP", &flags);
    const char *pwd = vars_get(sh->vars, "PWD");
    char *cwd;
    if (i < 0)
        return 2;
    if (!(flags & 2u) && pwd_is_current(pwd)) {
        puts(pwd);
        return 0;
    }
    cwd = cd_getcwd();
    if (cwd == NULL && errno == ENOENT && !(flags & 2u) && pwd_is_clean(pwd)) {
        puts(pwd);      /* the directory was removed: $PWD is all there is (as dash) */
        return 0;
    }
    if (cwd == NULL) {
        diag_error("pwd", "%s", strerror(errno));
        return 1;
    }
    puts(cwd);
    free(cwd);
    return 0;
}
