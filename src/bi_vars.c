/*
 * bi_vars.c -- builtins that change variables and parameters: export,
 * readonly, unset, set, shift, local.
 *
 * Owns: their option parsing and listings (`export NAME='value'`).
 * Never: stores a variable itself; the table is vars.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi.h"
#include "diag.h"
#include "funcs.h"
#include "path.h"
#include "shell.h"
#include "vars.h"

/* ==== export readonly ==== */

struct list_ctx {
    const char *prefix;     /* "export " / "readonly " / "" */
    unsigned flag;          /* only variables with this flag (0: all set ones) */
};

static void var_print_one(const char *name, const char *value, unsigned flags, void *ctx)
{
    const struct list_ctx *c = ctx;
    if (c->flag != 0 ? !(flags & c->flag) : value == NULL)
        return;
    printf("%s%s", c->prefix, name);
    if (value != NULL) {
        putchar('=');
        bi_print_quoted(value);
    }
    putchar('\n');
}

/* NAME=VALUE or NAME with FLAG added; 0, or 2 after an error message. */
static int var_assign_flag(struct shell *sh, const char *what, const char *arg, unsigned flag)
{
    const char *eq = strchr(arg, '=');
    char *name = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
    int status = 0;
    if (!vars_valid_name(name)) {
        diag_error(what, "%s: bad variable name", name);
        status = 2;
    } else if (eq != NULL && shell_set_var(sh, name, eq + 1, flag) < 0) {
        diag_error(what, "%s: is read only", name);
        status = 2;
    } else if (eq == NULL) {
        vars_add_flags(sh->vars, name, flag);
    }
    if (status == 0 && strcmp(name, "PATH") == 0)
        path_forget();
    free(name);
    return status;
}

/* export / readonly: list with -p or no operands, else flag each operand. */
static int var_flag_builtin(struct shell *sh, int argc, char **argv, unsigned flag)
{
    unsigned opts;
    int status = 0;
    int i = bi_options(argc, argv, "p", &opts);
    if (i < 0) {
        shell_error_exit(sh, 2);
        return 2;
    }
    if (i >= argc) {
        struct list_ctx c = {flag == VAR_EXPORT ? "export " : "readonly ", flag};
        vars_foreach(sh->vars, var_print_one, &c);
        return 0;
    }
    for (; i < argc; i++)
        if (var_assign_flag(sh, argv[0], argv[i], flag) != 0)
            status = 2;
    if (status != 0)
        shell_error_exit(sh, status);
    return status;
}

/* export [-p] [name[=value]...] */
int bi_export(struct shell *sh, int argc, char **argv)
{
    return var_flag_builtin(sh, argc, argv, VAR_EXPORT);
}

/* readonly [-p] [name[=value]...] */
int bi_readonly(struct shell *sh, int argc, char **argv)
{
    return var_flag_builtin(sh, argc, argv, VAR_READONLY);
}

/* ==== unset ==== */

/* unset [-v|-f] name... -- variables (default) or functions. */
int bi_unset(struct shell *sh, int argc, char **argv)
{
    unsigned flags;     /* bit 0: -v, bit 1: -f */
    int status = 0;
    int i = bi_options(argc, argv, "vf", &flags);
    if (i < 0) {
        shell_error_exit(sh, 2);
        return 2;
    }
    for (; i < argc; i++) {
        if (flags & 2u) {
            funcs_unset(sh->funcs, argv[i]);    /* no such function is fine */
        } else if (!vars_valid_name(argv[i])) {
            diag_error("unset", "%s: bad variable name", argv[i]);
            status = 2;
        } else if (vars_unset(sh->vars, argv[i]) < 0) {
            diag_error("unset", "%s: is read only", argv[i]);
            status = 2;
        } else if (strcmp(argv[i], "PATH") == 0) {
            path_forget();
        }
    }
    if (status != 0)
        shell_error_exit(sh, status);
    return status;
}

/* ==== set ==== */

/* `set -o NAME` / `set +o NAME` or, without NAME, the listing.  *i moves past NAME. */
static int set_long_option(struct shell *sh, int argc, char **argv, int *i, bool on)
{
    if (*i + 1 >= argc) {
        shell_print_options(sh, on);
        return 0;
    }
    (*i)++;
    int r = shell_set_option_name(sh, argv[*i], on);
    if (r < 0) {
        if (r == -1)    /* -2: the option explained its own failure */
            diag_error("set", "Illegal option -o %s", argv[*i]);
        return 2;
    }
    return 0;
}

/* One option word "-eux" / "+e" (an 'o' inside takes the next word). */
static int set_option_word(struct shell *sh, int argc, char **argv, int *i)
{
    bool on = argv[*i][0] == '-';
    for (const char *p = argv[*i] + 1; *p != '\0'; p++) {
        int r = 0;
        if (*p == 'o')
            r = set_long_option(sh, argc, argv, i, on) == 0 ? 0 : -1;
        else if (shell_set_option_letter(sh, *p, on) < 0) {
            diag_error("set", "Illegal option %c%c", on ? '-' : '+', *p);
            r = -1;
        }
        if (r < 0)
            return 2;
    }
    return 0;
}

/* `set` alone: every set variable, NAME='value', in name order. */
static void set_list(struct shell *sh)
{
    struct list_ctx c = {"", 0};
    vars_foreach(sh->vars, var_print_one, &c);
}

/* set [-+options] [-o name] [--] [arg...] -- options, or new positional parameters. */
int bi_set(struct shell *sh, int argc, char **argv)
{
    int i = 1;
    bool new_params = false;
    if (argc == 1) {
        set_list(sh);
        return 0;
    }
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
        if (strcmp(argv[i], "--") == 0) {
            new_params = true;
            i++;
            break;
        }
        if (strcmp(argv[i], "-") == 0) {
            /* the historical `set -`: -x and -v off, and the end of the options */
            sh->opt.xtrace = sh->opt.verbose = false;
            i++;
            break;
        }
        if (argv[i][1] == '\0')     /* a lone "+" is ignored (as dash) */
            continue;
        if (set_option_word(sh, argc, argv, &i) != 0) {
            shell_error_exit(sh, 2);
            return 2;
        }
    }
    if (new_params || i < argc)
        shell_set_params(sh, argv + i, argc - i);
    return 0;
}

/* ==== shift local ==== */

/* shift [n] -- drop the first N positional parameters. */
int bi_shift(struct shell *sh, int argc, char **argv)
{
    int n = 1;
    if (argc > 1 && bi_number("shift", argv[1], &n) < 0) {
        shell_error_exit(sh, 2);
        return 2;
    }
    if (n > sh->nparams) {
        diag_error("shift", "can't shift that many");
        shell_error_exit(sh, 2);
        return 2;
    }
    if (n == 0)
        return 0;
    for (int k = 0; k < n; k++)
        free(sh->params[k]);
    memmove(sh->params, sh->params + n, (size_t)(sh->nparams - n) * sizeof *sh->params);
    sh->nparams -= n;
    sh->params[sh->nparams] = NULL;     /* keep the array NULL-terminated */
    return 0;
}

/* local name[=value]... -- make NAME local to the running function. */
int bi_local(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    if (sh->func_depth == 0) {
        diag_error("local", "not in a function");
        shell_error_exit(sh, 2);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        if (strcmp(name, "-") == 0) {
            /* dash's `local -` (saving the options) is accepted and ignored */
        } else if (!vars_valid_name(name)) {
            diag_error("local", "%s: bad variable name", name);
            status = 2;
        } else if (vars_make_local(sh->vars, name) < 0
                   || (eq != NULL && shell_set_var(sh, name, eq + 1, 0) < 0)) {
            diag_error("local", "%s: is read only", name);
            status = 2;
            shell_error_exit(sh, 2);    /* an assignment error: a script ends (as dash) */
        }
        free(name);
    }
    return status;
}
