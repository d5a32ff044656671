/*
 * bi_cmd.c -- what a name means: `command` (run or describe a name,
 * skipping functions) and `type`.
 *
 * Owns: the order names are looked up in (alias, keyword, special builtin,
 *       function, builtin, PATH), as dash reports it.
 * Never: runs a command itself; `command name args` goes through
 *        sh->ops.run_argv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi.h"
#include "builtins.h"
#include "diag.h"
#include "funcs.h"
#include "path.h"
#include "shell.h"
#include "vars.h"

enum name_kind { NK_NONE, NK_ALIAS, NK_KEYWORD, NK_SPECIAL, NK_FUNCTION, NK_BUILTIN, NK_FILE };

/* A runnable file named with a '/'? */
static bool cmd_executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/*
 * What NAME would run as.  For NK_FILE *path gets a heap string.
 */
static enum name_kind cmd_lookup(struct shell *sh, const char *name, char **path)
{
    const struct builtin *b;
    *path = NULL;
    if (strchr(name, '/') != NULL) {
        if (!cmd_executable(name))
            return NK_NONE;
        *path = xstrdup(name);
        return NK_FILE;
    }
    if (sh->aliases != NULL && alias_get(sh->aliases, name) != NULL)
        return NK_ALIAS;
    if (bi_is_keyword(name))
        return NK_KEYWORD;
    b = builtin_find(name);
    if (b != NULL && b->special)
        return NK_SPECIAL;
    if (sh->funcs != NULL && funcs_get(sh->funcs, name) != NULL)
        return NK_FUNCTION;
    if (b != NULL)
        return NK_BUILTIN;
    *path = path_search(name, vars_get(sh->vars, "PATH"));
    return *path != NULL ? NK_FILE : NK_NONE;
}

/* `type`'s sentence for NAME (also command -V).  Returns 0 or 127 (not found). */
static int cmd_describe(struct shell *sh, const char *name)
{
    char *path;
    switch (cmd_lookup(sh, name, &path)) {
    case NK_ALIAS:
        printf("%s is an alias for %s\n", name, alias_get(sh->aliases, name));
        return 0;
    case NK_KEYWORD:
        printf("%s is a shell keyword\n", name);
        return 0;
    case NK_SPECIAL:
        printf("%s is a special shell builtin\n", name);
        return 0;
    case NK_FUNCTION:
        printf("%s is a shell function\n", name);
        return 0;
    case NK_BUILTIN:
        printf("%s is a shell builtin\n", name);
        return 0;
    case NK_FILE:
        printf("%s is %s\n", name, path);
        free(path);
        return 0;
    case NK_NONE:
        break;
    }
    printf("%s: not found\n", name);    /* dash prints this on stdout */
    return STATUS_NOTFOUND;
}

/* command -v NAME: a path, a name, or an alias definition.  0 or 127. */
static int cmd_print_v(struct shell *sh, const char *name)
{
    char *path;
    switch (cmd_lookup(sh, name, &path)) {
    case NK_ALIAS:
        printf("alias %s=", name);
        bi_print_quoted(alias_get(sh->aliases, name));
        putchar('\n');
        return 0;
    case NK_FILE:
        puts(path);
        free(path);
        return 0;
    case NK_NONE:
        return STATUS_NOTFOUND;
    default:
        puts(name);
        return 0;
    }
}

/*
 * command -p: search the system's default PATH (confstr _CS_PATH) instead of
 * $PATH.  Returns the old value (heap, or NULL if PATH was unset) for
 * cmd_restore_path; the variable is swapped only while the command runs.
 */
static char *cmd_default_path(struct shell *sh)
{
    char buf[1024] = "/bin:/usr/bin";
    size_t n = confstr(_CS_PATH, buf, sizeof buf);
    if (n == 0 || n > sizeof buf)
        strcpy(buf, "/bin:/usr/bin");
    const char *old = vars_get(sh->vars, "PATH");
    char *saved = old != NULL ? xstrdup(old) : NULL;
    if (vars_set(sh->vars, "PATH", buf, 0) < 0)
        diag_error("command", "PATH: is read only");
    return saved;
}

static void cmd_restore_path(struct shell *sh, char *saved)
{
    if (saved != NULL)
        (void)vars_set(sh->vars, "PATH", saved, 0);
    else
        (void)vars_unset(sh->vars, "PATH");
    free(saved);
}

/*
 * command [-p] [-v|-V] name [arg...] -- describe NAME, or run it as a
 * builtin or program even if a function has that name.
 */
int bi_command(struct shell *sh, int argc, char **argv)
{
    unsigned flags;         /* bit 0: -p, bit 1: -v, bit 2: -V */
    int status = 0;
    int i = bi_options(argc, argv, "pvV", &flags);
    if (i < 0)
        return 2;
    if (i >= argc)
        return 0;
    char *saved_path = (flags & 1u) ? cmd_default_path(sh) : NULL;
    if (flags & 6u) {
        for (; i < argc; i++) {
            int st = (flags & 4u) ? cmd_describe(sh, argv[i]) : cmd_print_v(sh, argv[i]);
            if (st != 0)
                status = st;
        }
    } else {
        sh->jump_error = false;
        status = sh->ops.run_argv(sh, argv + i);
        /* POSIX 2.14: `command` keeps a special builtin's error from ending
         * the shell (`command shift 5`, `command eval v=2` on a readonly v,
         * `command . ./missing`); `exit` and set -e still end it */
        if ((sh->jump == JUMP_EXIT || sh->jump == JUMP_ABORT) && sh->jump_error)
            sh->jump = JUMP_NONE;
        sh->jump_error = false;
    }
    if (flags & 1u)
        cmd_restore_path(sh, saved_path);
    return status;
}

/* type name... -- say what each NAME is.  127 if one is not found. */
int bi_type(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (cmd_describe(sh, argv[i]) != 0)
            status = STATUS_NOTFOUND;
    }
    return status;
}
