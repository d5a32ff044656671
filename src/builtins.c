/*
 * builtins.c -- the table of builtins, the helpers the bi_*.c files share,
 * and the smallest builtins (: true false alias unalias hash times).
 *
 * Owns: which names are builtins and which of them POSIX calls special.
 * Never: runs commands; the bigger builtins live in bi_*.c.
 */
#include "builtins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "funcs.h"
#include "history.h"
#include "path.h"
#include "shell.h"
#include "strbuf.h"

/* Sorted by name, so builtin_foreach lists them in order. */
static const struct builtin builtin_table[] = {
    {".", bi_dot, true},
    {":", bi_colon, true},
    {"[", bi_bracket, false},
    {"alias", bi_alias, false},
    {"bg", bi_bg, false},
    {"break", bi_break, true},
    {"cd", bi_cd, false},
    {"command", bi_command, false},
    {"continue", bi_continue, true},
    {"disown", bi_disown, false},
    {"echo", bi_echo, false},
    {"eval", bi_eval, true},
    {"exec", bi_exec, true},
    {"exit", bi_exit, true},
    {"export", bi_export, true},
    {"false", bi_false, false},
    {"fc", bi_fc, false},
    {"fds", bi_fds, false},
    {"fg", bi_fg, false},
    {"getopts", bi_getopts, false},
    {"hash", bi_hash, false},
    {"help", bi_help, false},
    {"history", history_builtin, false},
    {"jobs", bi_jobs, false},
    {"kill", bi_kill, false},
    {"local", bi_local, false},
    {"maps", bi_maps, false},
    {"printf", bi_printf, false},
    {"ptree", bi_ptree, false},
    {"pwd", bi_pwd, false},
    {"read", bi_read, false},
    {"readonly", bi_readonly, true},
    {"reap", bi_reap, false},
    {"return", bi_return, true},
    {"set", bi_set, true},
    {"shift", bi_shift, true},
    {"source", bi_dot, false},      /* bash's name for `.`: not special, as in bash */
    {"test", bi_test, false},
    {"times", bi_times, true},
    {"trap", bi_trap, true},
    {"true", bi_true, false},
    {"type", bi_type, false},
    {"ulimit", bi_ulimit, false},
    {"umask", bi_umask, false},
    {"unalias", bi_unalias, false},
    {"unset", bi_unset, true},
    {"wait", bi_wait, false},
};

#define NBUILTINS (sizeof builtin_table / sizeof builtin_table[0])

bool builtin_is_declaration(const char *name)
{
    return strcmp(name, "export") == 0 || strcmp(name, "local") == 0
           || strcmp(name, "readonly") == 0;
}

/* The table is sorted by strcmp order (test_builtins checks it): bisect.
 * Every simple command asks, so the first bytes are compared here and
 * strcmp is called only when they are equal. */
const struct builtin *builtin_find(const char *name)
{
    size_t lo = 0, hi = NBUILTINS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *key = builtin_table[mid].name;
        int c = (unsigned char)name[0] - (unsigned char)key[0];
        if (c == 0)
            c = strcmp(name, key);
        if (c == 0)
            return &builtin_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

void builtin_foreach(void (*fn)(const char *name, void *ctx), void *ctx)
{
    for (size_t i = 0; i < NBUILTINS; i++)
        fn(builtin_table[i].name, ctx);
}

/* ==== Shared helpers ==== */

int bi_options(int argc, char **argv, const char *allowed, unsigned *flags)
{
    int i = 1;
    *flags = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        for (const char *p = argv[i] + 1; *p != '\0'; p++) {
            const char *at = strchr(allowed, *p);
            if (at == NULL) {
                diag_error(argv[0], "Illegal option -%c", *p);
                return -1;
            }
            *flags |= 1u << (at - allowed);
        }
    }
    return i;
}

int bi_number(const char *name, const char *s, int *out)
{
    char *end;
    long n;
    if (*s < '0' || *s > '9')   /* no sign, no blanks: dash's is_number */
        goto fail;
    n = strtol(s, &end, 10);
    if (*end != '\0' || n > 0x7fffffff)
        goto fail;
    *out = (int)n;
    return 0;
fail:
    diag_error(name, "Illegal number: %s", s);
    return -1;
}

void bi_quote(struct strbuf *out, const char *s)
{
    sb_putc(out, '\'');
    while (*s != '\0') {
        if (*s != '\'') {
            sb_putc(out, *s++);
            continue;
        }
        sb_puts(out, "'\"");          /* close, then the run of ' double-quoted */
        while (*s == '\'')
            sb_putc(out, *s++);
        sb_putc(out, '"');
        if (*s == '\0')
            return;                    /* dash's form: no empty '' at the end */
        sb_putc(out, '\'');
    }
    sb_putc(out, '\'');
}

void bi_print_quoted(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    bi_quote(&sb, s);
    fputs(sb_str(&sb), stdout);
    sb_free(&sb);
}

bool bi_is_keyword(const char *name)
{
    static const char *const words[] = {
        "!", "{", "}", "case", "do", "done", "elif", "else", "esac",
        "fi", "for", "if", "in", "then", "until", "while",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i], name) == 0)
            return true;
    return false;
}

/* ==== : true false ==== */

/* : [args] -- does nothing (the arguments were expanded already). */
int bi_colon(struct shell *sh, int argc, char **argv)
{
    (void)sh, (void)argc, (void)argv;
    return 0;
}

int bi_true(struct shell *sh, int argc, char **argv)
{
    (void)sh, (void)argc, (void)argv;
    return 0;
}

int bi_false(struct shell *sh, int argc, char **argv)
{
    (void)sh, (void)argc, (void)argv;
    return 1;
}

/* ==== alias unalias ==== */

static void alias_print_one(const char *name, const char *value, void *ctx)
{
    (void)ctx;
    printf("%s=", name);
    bi_print_quoted(value);
    putchar('\n');
}

/* alias [name[=value]...] -- define aliases, or print them as name='value'. */
int bi_alias(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    if (argc == 1) {
        alias_foreach(sh->aliases, alias_print_one, NULL);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq != NULL) {
            char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
            alias_set(sh->aliases, name, eq + 1);
            free(name);
        } else if (alias_get(sh->aliases, argv[i]) != NULL) {
            alias_print_one(argv[i], alias_get(sh->aliases, argv[i]), NULL);
        } else {
            diag_error("alias", "%s: not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

/* unalias [-a] name... */
int bi_unalias(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    int status = 0;
    int i = bi_options(argc, argv, "a", &flags);
    if (i < 0)
        return 2;
    if (flags & 1u) {
        alias_clear(sh->aliases);
        return 0;
    }
    for (; i < argc; i++) {
        if (alias_unset(sh->aliases, argv[i]) < 0) {
            diag_error("unalias", "%s: not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

/* ==== hash times ==== */

static void hash_print(const char *full, void *ctx)
{
    (void)ctx;
    puts(full);
}

/* hash [-r] [name...] -- the cache lives in path.c: -r forgets it, a name is
 * looked up (and remembered), none lists what is remembered. */
int bi_hash(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    int status = 0;
    int i = bi_options(argc, argv, "r", &flags);
    if (i < 0)
        return 2;
    if (flags & 1u)
        path_forget();
    else if (i >= argc)
        path_foreach(hash_print, NULL);
    for (; i < argc; i++) {
        char *path = strchr(argv[i], '/') ? NULL
                     : path_search(argv[i], vars_get(sh->vars, "PATH"));
        if (path == NULL && builtin_find(argv[i]) == NULL
            && funcs_get(sh->funcs, argv[i]) == NULL) {
            diag_error("hash", "%s: not found", argv[i]);
            status = 1;
        }
        free(path);
    }
    return status;
}

/* Print clock ticks T as dash does: 0m0.010000s */
static void times_print(clock_t t, long hz, char end)
{
    double secs = (double)t / (double)hz;
    int mins = (int)(secs / 60);
    printf("%dm%fs%c", mins, secs - mins * 60.0, end);
}

/* times -- user and system time of the shell, then of its children. */
int bi_times(struct shell *sh, int argc, char **argv)
{
    struct tms t;
    long hz = sysconf(_SC_CLK_TCK);
    (void)sh, (void)argc, (void)argv;
    if (times(&t) == (clock_t)-1 || hz <= 0) {
        diag_error("times", "cannot read the clock");
        return 1;
    }
    times_print(t.tms_utime, hz, ' ');
    times_print(t.tms_stime, hz, '\n');
    times_print(t.tms_cutime, hz, ' ');
    times_print(t.tms_cstime, hz, '\n');
    return 0;
}
