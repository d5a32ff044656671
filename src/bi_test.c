/*
 * bi_test.c -- test and [: file tests, string and integer comparisons.
 *
 * Owns: POSIX's rules for 0 to 4 arguments (decided by the number of
 *       arguments, so `test -n = x` means what POSIX says), then a
 *       recursive-descent parser for longer expressions:
 *
 *           oexpr   -> aexpr { '-o' aexpr }
 *           aexpr   -> nexpr { '-a' nexpr }
 *           nexpr   -> '!' nexpr | primary
 *           primary -> '(' oexpr ')' | UNARY word | word BINARY word | word
 *
 * Never: changes anything; it only looks at files and strings.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef S_ISVTX
#define S_ISVTX 01000   /* the sticky bit: XSI, hidden under _POSIX_C_SOURCE alone */
#endif
#include <unistd.h>

#include "bi.h"
#include "diag.h"

struct tparser {
    const char *name;       /* "test" or "[" for messages */
    char **argv;
    int argc, pos;
    bool error;             /* reported already: the result is 2 */
};

/* Report WHY (once) and mark the parse failed. */
static bool t_fail(struct tparser *t, const char *arg, const char *why)
{
    if (!t->error) {
        if (arg != NULL)
            diag_error(t->name, "%s: %s", arg, why);
        else
            diag_error(t->name, "%s", why);
    }
    t->error = true;
    return false;
}

/* ==== primaries ==== */

static bool t_is_unary(const char *s)
{
    return s[0] == '-' && s[1] != '\0' && s[2] == '\0' && strchr("bcdefgGhkLnOprSstuwxz", s[1]);
}

static bool t_is_binary(const char *s)
{
    static const char *const ops[] = {"=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge",
                                      "-lt", "-le", "-nt", "-ot", "-ef", "-a", "-o"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i], s) == 0)
            return true;
    return false;
}

/* A file test -X FILE. */
static bool t_file(char op, const char *file)
{
    struct stat st;
    if (op == 'h' || op == 'L')
        return lstat(file, &st) == 0 && S_ISLNK(st.st_mode);
    if (op == 'r' || op == 'w' || op == 'x')
        return access(file, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
    if (stat(file, &st) < 0)
        return false;
    switch (op) {
    case 'b': return S_ISBLK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'f': return S_ISREG(st.st_mode);
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'G': return st.st_gid == getegid();        /* -G, -O, -k: not POSIX, dash has them */
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'O': return st.st_uid == geteuid();
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 's': return st.st_size > 0;
    case 'u': return (st.st_mode & S_ISUID) != 0;
    default: return true;   /* -e */
    }
}

/* A decimal integer, blanks around it allowed.  Reports "bad number". */
static bool t_number(struct tparser *t, const char *s, intmax_t *out)
{
    char *end;
    errno = 0;
    *out = strtoimax(s, &end, 10);
    bool digits = end != s;         /* strtoimax read a number (blanks alone are none) */
    while (*end == ' ' || *end == '\t')
        end++;
    if (!digits || *end != '\0' || errno == ERANGE)
        return t_fail(t, s, "bad number");
    return true;
}

static bool t_unary(struct tparser *t, const char *op, const char *arg)
{
    intmax_t fd;
    if (op[1] == 'n')
        return arg[0] != '\0';
    if (op[1] == 'z')
        return arg[0] == '\0';
    if (op[1] == 't')
        return t_number(t, arg, &fd) && fd >= 0 && fd <= 0x7fffffff && isatty((int)fd);
    return t_file(op[1], arg);
}

/* -nt -ot -ef */
static bool t_files(const char *a, const char *op, const char *b)
{
    struct stat sa, sb;
    bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
    if (strcmp(op, "-ef") == 0)
        return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (strcmp(op, "-nt") == 0)
        return ha && (!hb || sa.st_mtime > sb.st_mtime);
    return hb && (!ha || sa.st_mtime < sb.st_mtime);
}

static bool t_binary(struct tparser *t, const char *a, const char *op, const char *b)
{
    intmax_t x, y;
    if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0) return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0) return strcmp(a, b) > 0;
    if (strcmp(op, "-a") == 0) return a[0] != '\0' && b[0] != '\0';
    if (strcmp(op, "-o") == 0) return a[0] != '\0' || b[0] != '\0';
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0 || strcmp(op, "-ef") == 0)
        return t_files(a, op, b);
    if (!t_number(t, a, &x) || !t_number(t, b, &y))
        return false;
    if (strcmp(op, "-eq") == 0) return x == y;
    if (strcmp(op, "-ne") == 0) return x != y;
    if (strcmp(op, "-gt") == 0) return x > y;
    if (strcmp(op, "-ge") == 0) return x >= y;
    if (strcmp(op, "-lt") == 0) return x < y;
    return x <= y;  /* -le */
}

/* ==== the recursive-descent parser (more than 4 arguments) ==== */

static bool t_oexpr(struct tparser *t);

static const char *t_peek(const struct tparser *t, int ahead)
{
    return t->pos + ahead < t->argc ? t->argv[t->pos + ahead] : NULL;
}

/* primary -> '(' oexpr ')' | UNARY word | word BINARY word | word */
static bool t_primary(struct tparser *t)
{
    const char *a = t_peek(t, 0), *op = t_peek(t, 1), *b = t_peek(t, 2);
    if (a == NULL)
        return t_fail(t, NULL, "argument expected");
    if (op != NULL && b != NULL && t_is_binary(op) && strcmp(op, "-a") && strcmp(op, "-o")) {
        t->pos += 3;
        return t_binary(t, a, op, b);
    }
    if (strcmp(a, "(") == 0) {
        t->pos++;
        bool r = t_oexpr(t);
        if (t_peek(t, 0) == NULL || strcmp(t_peek(t, 0), ")") != 0)
            return t_fail(t, NULL, "closing paren expected");
        t->pos++;
        return r;
    }
    if (t_is_unary(a)) {
        if (op == NULL)
            return t_fail(t, a, "argument expected");
        t->pos += 2;
        return t_unary(t, a, op);
    }
    t->pos++;
    return a[0] != '\0';
}

/* nexpr -> '!' nexpr | primary */
static bool t_nexpr(struct tparser *t)
{
    const char *a = t_peek(t, 0);
    if (a != NULL && strcmp(a, "!") == 0 && t_peek(t, 1) != NULL) {
        t->pos++;
        return !t_nexpr(t);
    }
    return t_primary(t);
}

/* aexpr -> nexpr { '-a' nexpr } */
static bool t_aexpr(struct tparser *t)
{
    bool r = t_nexpr(t);
    while (!t->error && t_peek(t, 0) != NULL && strcmp(t_peek(t, 0), "-a") == 0) {
        t->pos++;
        bool rhs = t_nexpr(t);   /* always parsed, so errors are found */
        r = r && rhs;
    }
    return r;
}

/* oexpr -> aexpr { '-o' aexpr } */
static bool t_oexpr(struct tparser *t)
{
    bool r = t_aexpr(t);
    while (!t->error && t_peek(t, 0) != NULL && strcmp(t_peek(t, 0), "-o") == 0) {
        t->pos++;
        bool rhs = t_aexpr(t);
        r = r || rhs;
    }
    return r;
}

/* ==== POSIX's rules by argument count ==== */

static bool t_args(struct tparser *t, int n, char **v);

static bool t_two(struct tparser *t, char **v)
{
    if (strcmp(v[0], "!") == 0)
        return v[1][0] == '\0';
    if (t_is_unary(v[0]))
        return t_unary(t, v[0], v[1]);
    return t_fail(t, v[0], "unexpected operator");
}

static bool t_three(struct tparser *t, char **v)
{
    if (t_is_binary(v[1]))
        return t_binary(t, v[0], v[1], v[2]);
    if (strcmp(v[0], "!") == 0)
        return !t_two(t, v + 1);
    if (strcmp(v[0], "(") == 0 && strcmp(v[2], ")") == 0)
        return v[1][0] != '\0';
    return t_fail(t, v[0], "unexpected operator");
}

/* 0..4 arguments by POSIX's table; more (or a 4-argument form outside it) by the grammar. */
static bool t_args(struct tparser *t, int n, char **v)
{
    switch (n) {
    case 0: return false;
    case 1: return v[0][0] != '\0';
    case 2: return t_two(t, v);
    case 3: return t_three(t, v);
    case 4:
        if (strcmp(v[0], "!") == 0)
            return !t_three(t, v + 1);
        if (strcmp(v[0], "(") == 0 && strcmp(v[3], ")") == 0)
            return t_two(t, v + 1);
        break;
    default:
        break;
    }
    bool r = t_oexpr(t);
    if (!t->error && t->pos < t->argc)
        t_fail(t, t->argv[t->pos], "unexpected operator");
    return r;
}

int test_eval(const char *name, int argc, char **argv)
{
    struct tparser t = {name, argv, argc, 0, false};
    bool r = t_args(&t, argc, argv);
    return t.error ? 2 : r ? 0 : 1;
}

/* test expr */
int bi_test(struct shell *sh, int argc, char **argv)
{
    (void)sh;
    return test_eval("test", argc - 1, argv + 1);
}

/* [ expr ] */
int bi_bracket(struct shell *sh, int argc, char **argv)
{
    (void)sh;
    if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
        diag_error("[", "missing ]");
        return 2;
    }
    return test_eval("[", argc - 2, argv + 1);
}
