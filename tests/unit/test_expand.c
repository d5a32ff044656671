/*
 * test_expand.c -- word expansion on hand-built words: every parameter
 * operator, "$@"/"$*", IFS splitting, globbing in a temporary directory,
 * tilde, command substitution through a fake sh->ops.cmdsub, arithmetic,
 * patterns, here-documents and prompts.
 *
 * The words are built with local mk_* helpers (not ast.c's constructors),
 * so this file depends only on the real vars, arith and expand modules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG _NSIG
#endif
#include "diag.h"
#include "expand.h"
#include "shell.h"
#include "vars.h"

static struct shell sh;
static struct arena *A;

/* ==== Building words by hand ==== */

static struct wpart *mk(enum wpart_kind kind)
{
    struct wpart *p = arena_zalloc(A, sizeof *p);
    p->kind = kind;
    return p;
}

static struct wpart *lit(const char *s) { struct wpart *p = mk(WP_LITERAL); p->u.text = s; return p; }
static struct wpart *sq(const char *s) { struct wpart *p = mk(WP_QUOTED); p->u.text = s; return p; }

/* Link parts into a list: chain(a, b, c, NULL). */
static struct wpart *chain(struct wpart *first, ...)
{
    va_list ap;
    va_start(ap, first);
    struct wpart *last = first, *p;
    while (last != NULL && (p = va_arg(ap, struct wpart *)) != NULL) {
        last->next = p;
        last = p;
    }
    va_end(ap);
    return first;
}

static struct wpart *dq(struct wpart *inner) { struct wpart *p = mk(WP_DQUOTED); p->u.inner = inner; return p; }
static struct wpart *arith(struct wpart *inner) { struct wpart *p = mk(WP_ARITH); p->u.inner = inner; return p; }

static struct wpart *par_op(const char *name, enum param_op op, bool colon, struct wpart *arg)
{
    struct wpart *p = mk(WP_PARAM);
    p->u.param.name = name;
    p->u.param.op = op;
    p->u.param.colon = colon;
    p->u.param.arg = arg;
    return p;
}

static struct wpart *par(const char *name) { return par_op(name, PO_NONE, false, NULL); }

/* $(cmd) number N: the fake cmdsub prints canned[N]. */
static const char *const canned[] = { "hello\n\n", "a b\n", "x\ny\n\n", "" };

static struct wpart *cmdsub(int n)
{
    struct wpart *p = mk(WP_CMDSUB);
    if (n >= 0) {
        p->u.cmd = arena_zalloc(A, sizeof *p->u.cmd);
        p->u.cmd->pos.line = n;
    }
    return p;
}

static int fake_cmdsub(struct shell *s, struct node *n, struct strbuf *out)
{
    (void)s;
    sb_puts(out, canned[n->pos.line]);
    return 40 + n->pos.line;
}

static struct word *wd(struct wpart *parts)
{
    struct word *w = arena_zalloc(A, sizeof *w);
    w->parts = parts;
    return w;
}

/* Expand the words and render the fields as "[a][b]"; "ERR" on failure. */
static const char *fields(struct word *w)
{
    char **argv;
    size_t argc;
    if (expand_words(&sh, A, w, &argv, &argc) < 0)
        return "ERR";
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < argc; i++) {
        strcat(out, "[");
        strcat(out, argv[i]);
        strcat(out, "]");
    }
    assert_null(argv[argc]);
    return out;
}

static const char *one(struct wpart *parts, unsigned flags)
{
    char *s = expand_word(&sh, A, wd(parts), flags);
    return s ? s : "ERR";
}

static void set_params(int n, char **p)
{
    sh.params = p;
    sh.nparams = n;
}

static int setup(void **state)
{
    (void)state;
    memset(&sh, 0, sizeof sh);
    sh.vars = vars_new();
    sh.ops.cmdsub = fake_cmdsub;
    sh.pid = 4242;
    sh.arg0 = "minish";
    A = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    vars_free(sh.vars);
    arena_unref(A);
    return 0;
}

/* ==== Tests ==== */

static void test_quotes_and_empty(void **state)
{
    (void)state;
    assert_string_equal(fields(wd(chain(lit("a"), sq("b c"), NULL))), "[ab c]");
    assert_string_equal(fields(wd(dq(NULL))), "[]");            /* "" is one empty field */
    assert_string_equal(fields(wd(sq(""))), "[]");
    assert_string_equal(fields(wd(par("e"))), "");             /* unset, unquoted: no field */
    vars_set(sh.vars, "e", "", 0);
    assert_string_equal(fields(wd(par("e"))), "");
    assert_string_equal(fields(wd(dq(par("e")))), "[]");
    struct word *w = wd(lit("x"));
    w->next = wd(par("e"));
    w->next->next = wd(lit("y"));
    assert_string_equal(fields(w), "[x][y]");
}

/* One row: value state (NULL unset, "" empty, "v"), op, colon, expected. */
struct op_case {
    const char *val;
    enum param_op op;
    bool colon;
    const char *want;
};

static void test_param_ops(void **state)
{
    (void)state;
    static const struct op_case cases[] = {
        { NULL, PO_DEFAULT, false, "w" }, { NULL, PO_DEFAULT, true, "w" },
        { "", PO_DEFAULT, false, "" },    { "", PO_DEFAULT, true, "w" },
        { "v", PO_DEFAULT, false, "v" },  { "v", PO_DEFAULT, true, "v" },
        { NULL, PO_ALT, false, "" },      { NULL, PO_ALT, true, "" },
        { "", PO_ALT, false, "w" },       { "", PO_ALT, true, "" },
        { "v", PO_ALT, false, "w" },      { "v", PO_ALT, true, "w" },
        { NULL, PO_ASSIGN, false, "w" },  { NULL, PO_ASSIGN, true, "w" },
        { "", PO_ASSIGN, false, "" },     { "", PO_ASSIGN, true, "w" },
        { "v", PO_ASSIGN, false, "v" },   { "v", PO_ASSIGN, true, "v" },
        { NULL, PO_ERROR, false, "ERR" }, { NULL, PO_ERROR, true, "ERR" },
        { "", PO_ERROR, false, "" },      { "", PO_ERROR, true, "ERR" },
        { "v", PO_ERROR, false, "v" },    { "v", PO_ERROR, true, "v" },
        { NULL, PO_LENGTH, false, "0" },  { "", PO_LENGTH, false, "0" },
        { "v", PO_LENGTH, false, "1" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct op_case *c = &cases[i];
        if (c->val)
            vars_set(sh.vars, "x", c->val, 0);
        else
            vars_unset(sh.vars, "x");
        sh.last_status = 0;
        const char *got = one(par_op("x", c->op, c->colon, lit("w")), 0);
        if (strcmp(got, c->want) != 0)
            fail_msg("case %zu: got '%s' want '%s'", i, got, c->want);
        if (c->op == PO_ASSIGN)
            assert_string_equal(vars_get(sh.vars, "x"), c->want);
        if (strcmp(c->want, "ERR") == 0)
            assert_int_equal(sh.last_status, 2);
    }
    vars_unset(sh.vars, "x");
    assert_string_equal(one(par_op("x", PO_ERROR, false, lit("custom msg")), 0), "ERR");
    assert_string_equal(one(par_op("1", PO_ASSIGN, false, lit("a")), 0), "ERR");
    vars_set(sh.vars, "ro", "", VAR_READONLY);
    assert_string_equal(one(par_op("ro", PO_ASSIGN, true, lit("a")), 0), "ERR");
    assert_string_equal(one(par_op("x", PO_ALT, false, lit("w")), 0), "");  /* empty word: ok */
    assert_string_equal(one(par_op("x", PO_DEFAULT, false, NULL), 0), "");
}

static void test_trim(void **state)
{
    (void)state;
    vars_set(sh.vars, "x", "abcabc", 0);
    assert_string_equal(one(par_op("x", PO_RM_SPREFIX, false, lit("a*c")), 0), "abc");
    assert_string_equal(one(par_op("x", PO_RM_LPREFIX, false, lit("a*c")), 0), "");
    assert_string_equal(one(par_op("x", PO_RM_SSUFFIX, false, lit("b*")), 0), "abca");
    assert_string_equal(one(par_op("x", PO_RM_LSUFFIX, false, lit("b*")), 0), "a");
    assert_string_equal(one(par_op("x", PO_RM_SSUFFIX, false, lit("?")), 0), "abcab");
    assert_string_equal(one(par_op("x", PO_RM_SPREFIX, false, lit("z")), 0), "abcabc");
    assert_string_equal(one(par_op("x", PO_RM_SPREFIX, false, NULL), 0), "abcabc");
    vars_set(sh.vars, "y", "a*b", 0);
    /* ${y#"a*"}: a quoted pattern matches literally */
    assert_string_equal(one(par_op("y", PO_RM_SPREFIX, false, dq(sq("a*"))), 0), "b");
    assert_string_equal(one(par_op("x", PO_RM_SPREFIX, false, sq("a*")), 0), "abcabc");
    vars_set(sh.vars, "p", "a*", 0);    /* ${x#$p}: an unquoted expansion stays a pattern */
    assert_string_equal(one(par_op("x", PO_RM_LPREFIX, false, par("p")), 0), "");
    assert_string_equal(one(par_op("x", PO_RM_LPREFIX, false, dq(par("p"))), 0), "abcabc");
    sh.opt.nounset = true;
    assert_string_equal(one(par_op("nope", PO_RM_SPREFIX, false, lit("a")), 0), "ERR");
    assert_string_equal(one(par_op("nope", PO_LENGTH, false, NULL), 0), "ERR");
}

static void test_at_star(void **state)
{
    (void)state;
    static char *p[] = { "a b", "c", "" };
    set_params(2, p);
    assert_string_equal(fields(wd(par("@"))), "[a][b][c]");
    assert_string_equal(fields(wd(par("*"))), "[a][b][c]");
    assert_string_equal(fields(wd(dq(par("@")))), "[a b][c]");
    assert_string_equal(fields(wd(dq(par("*")))), "[a b c]");
    assert_string_equal(fields(wd(dq(chain(sq("x"), par("@"), sq("y"), NULL)))), "[xa b][cy]");
    assert_string_equal(fields(wd(par("#"))), "[2]");
    assert_string_equal(one(par("@"), 0), "a b c");
    assert_string_equal(one(dq(par("@")), 0), "a b c");
    assert_string_equal(one(par_op("@", PO_LENGTH, false, NULL), 0), "5");   /* dash */
    vars_set(sh.vars, "IFS", ":", 0);
    assert_string_equal(fields(wd(dq(par("*")))), "[a b:c]");
    assert_string_equal(one(par("*"), 0), "a b:c");
    assert_string_equal(fields(wd(par("*"))), "[a b][c]");
    vars_set(sh.vars, "IFS", "", 0);
    assert_string_equal(fields(wd(dq(par("*")))), "[a bc]");
    assert_string_equal(fields(wd(par("*"))), "[a b][c]");
    vars_unset(sh.vars, "IFS");
    set_params(3, p);
    assert_string_equal(fields(wd(dq(par("@")))), "[a b][c][]");
    assert_string_equal(fields(wd(par("@"))), "[a][b][c]");
    set_params(0, NULL);
    assert_string_equal(fields(wd(dq(par("@")))), "");          /* zero fields */
    assert_string_equal(fields(wd(dq(chain(sq("x"), par("@"), sq("y"), NULL)))), "[xy]");
    assert_string_equal(fields(wd(dq(chain(par("u"), par("@"), NULL)))), "[]");
    assert_string_equal(fields(wd(chain(dq(par("@")), dq(NULL), NULL))), "[]");
    assert_string_equal(fields(wd(dq(par("*")))), "[]");
    assert_string_equal(fields(wd(par_op("@", PO_DEFAULT, false, lit("d")))), "[d]");
    sh.opt.nounset = true;      /* $@ and $* are exempt from set -u */
    assert_string_equal(fields(wd(par("@"))), "");
    assert_string_equal(fields(wd(dq(par("*")))), "[]");
}

static void test_field_splitting(void **state)
{
    (void)state;
    vars_set(sh.vars, "x", "  a  b\tc\n ", 0);
    assert_string_equal(fields(wd(par("x"))), "[a][b][c]");
    assert_string_equal(fields(wd(dq(par("x")))), "[  a  b\tc\n ]");
    vars_set(sh.vars, "IFS", ":", 0);
    vars_set(sh.vars, "x", "a::b", 0);
    assert_string_equal(fields(wd(par("x"))), "[a][][b]");
    vars_set(sh.vars, "x", ":a:", 0);
    assert_string_equal(fields(wd(par("x"))), "[][a]");
    vars_set(sh.vars, "x", "a b", 0);
    assert_string_equal(fields(wd(par("x"))), "[a b]");
    vars_set(sh.vars, "IFS", " :", 0);
    vars_set(sh.vars, "x", " a : b  c :", 0);
    assert_string_equal(fields(wd(par("x"))), "[a][b][c]");
    vars_set(sh.vars, "x", " : b", 0);
    assert_string_equal(fields(wd(par("x"))), "[][b]");
    vars_set(sh.vars, "x", "a :: b", 0);
    assert_string_equal(fields(wd(par("x"))), "[a][][b]");
    vars_set(sh.vars, "IFS", "", 0);
    vars_set(sh.vars, "x", " a b ", 0);
    assert_string_equal(fields(wd(par("x"))), "[ a b ]");
    vars_unset(sh.vars, "IFS");
    /* literal text is never split; expansions join their neighbours */
    vars_set(sh.vars, "x", "1 2", 0);
    assert_string_equal(fields(wd(chain(lit("a"), par("x"), lit("b"), NULL))), "[a1][2b]");
    assert_string_equal(fields(wd(chain(sq("q"), par("x"), NULL))), "[q1][2]");
    vars_set(sh.vars, "x", " ", 0);
    assert_string_equal(fields(wd(chain(dq(NULL), par("x"), NULL))), "[]");
    /* ${u-a b} unquoted: the word is split too; "${u-a b}" is not */
    assert_string_equal(fields(wd(par_op("u", PO_DEFAULT, false, lit("a b")))), "[a][b]");
    assert_string_equal(fields(wd(dq(par_op("u", PO_DEFAULT, false, lit("a b"))))), "[a b]");
    assert_string_equal(fields(wd(par_op("u", PO_DEFAULT, false, sq("a b")))), "[a b]");
}

static char tmpdir[64];
static char oldcwd[4096];

static void touch(const char *name)
{
    FILE *f = fopen(name, "w");
    assert_non_null(f);
    fclose(f);
}

static void test_glob(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/minish_glob_XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    assert_non_null(getcwd(oldcwd, sizeof oldcwd));
    assert_int_equal(chdir(tmpdir), 0);
    const char *names[] = { "b", "a", "c.txt", ".hidden", "*" };
    for (size_t i = 0; i < 5; i++)
        touch(names[i]);
    assert_string_equal(fields(wd(lit("*"))), "[*][a][b][c.txt]");
    assert_string_equal(fields(wd(lit("*.txt"))), "[c.txt]");
    assert_string_equal(fields(wd(lit("[ab]"))), "[a][b]");
    assert_string_equal(fields(wd(lit("z*"))), "[z*]");               /* no match: as is */
    assert_string_equal(fields(wd(sq("*"))), "[*]");
    assert_string_equal(fields(wd(chain(sq("c."), lit("*"), NULL))), "[c.txt]");
    assert_string_equal(fields(wd(chain(sq("*"), lit("*"), NULL))), "[*]");     /* '*'* */
    assert_string_equal(fields(wd(chain(sq("["), lit("ab]"), NULL))), "[[ab]]");
    assert_string_equal(fields(wd(lit(".*"))), "[.][..][.hidden]");
    vars_set(sh.vars, "x", "*.txt b*", 0);
    assert_string_equal(fields(wd(par("x"))), "[c.txt][b]");
    assert_string_equal(fields(wd(dq(par("x")))), "[*.txt b*]");
    sh.opt.noglob = true;
    assert_string_equal(fields(wd(lit("*"))), "[*]");
    sh.opt.noglob = false;
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(unlink(names[i]), 0);
    assert_int_equal(chdir(oldcwd), 0);
    assert_int_equal(rmdir(tmpdir), 0);
}

static void test_tilde(void **state)
{
    (void)state;
    vars_set(sh.vars, "HOME", "/home/u", 0);
    assert_string_equal(fields(wd(lit("~"))), "[/home/u]");
    assert_string_equal(fields(wd(lit("~/x"))), "[/home/u/x]");
    assert_string_equal(fields(wd(chain(lit("~"), sq("/x"), NULL))), "[~/x]");
    assert_string_equal(fields(wd(chain(lit("~/"), sq("x"), NULL))), "[/home/u/x]");
    assert_string_equal(fields(wd(sq("~"))), "[~]");
    assert_string_equal(fields(wd(lit("a~"))), "[a~]");
    assert_string_equal(fields(wd(lit("~nosuchuser_zz/x"))), "[~nosuchuser_zz/x]");
    struct passwd *pw = getpwnam("root");
    if (pw != NULL) {
        char want[512];
        snprintf(want, sizeof want, "[%s/d]", pw->pw_dir);
        assert_string_equal(fields(wd(lit("~root/d"))), want);
    }
    assert_string_equal(one(lit("a=~:~/b:c=~"), EXP_ASSIGN), "a=/home/u:/home/u/b:c=~");
    assert_string_equal(one(lit("~:~"), EXP_ASSIGN), "/home/u:/home/u");
    assert_string_equal(one(lit("~:~"), 0), "~:~");
    assert_string_equal(one(lit("~"), EXP_NOTILDE), "~");
    vars_set(sh.vars, "HOME", "/a b", 0);       /* the result is not split */
    assert_string_equal(fields(wd(lit("~"))), "[/a b]");
    vars_unset(sh.vars, "HOME");
    assert_string_equal(fields(wd(lit("~"))), "[~]");
}

static void test_special_params(void **state)
{
    (void)state;
    static char *p[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "ten" };
    set_params(10, p);
    sh.last_status = 3;
    assert_string_equal(one(par("?"), 0), "3");
    assert_string_equal(one(par("#"), 0), "10");
    assert_string_equal(one(par("0"), 0), "minish");
    assert_string_equal(one(par("1"), 0), "1");
    assert_string_equal(one(par("10"), 0), "ten");
    assert_string_equal(one(par("11"), 0), "");
    assert_string_equal(one(par("$"), 0), "4242");
    assert_string_equal(one(par("!"), 0), "");
    sh.last_bg_pid = 99;
    assert_string_equal(one(par("!"), 0), "99");
    sh.opt.nounset = true;
    sh.opt.noglob = true;
    char buf[32];
    assert_string_equal(one(par("-"), 0), shell_flags(&sh, buf));
    assert_non_null(strchr(one(par("-"), 0), 'u'));
    diag_set_line(17);
    assert_string_equal(one(par("LINENO"), 0), "17");
    diag_set_line(0);
    assert_string_equal(one(par("11"), 0), "ERR");
}

static void test_nounset(void **state)
{
    (void)state;
    sh.opt.nounset = true;
    sh.last_status = 0;
    assert_string_equal(fields(wd(par("x"))), "ERR");
    assert_int_equal(sh.last_status, 2);
    assert_string_equal(fields(wd(dq(par("x")))), "ERR");
    assert_string_equal(fields(wd(par_op("x", PO_DEFAULT, false, lit("d")))), "[d]");
    assert_string_equal(fields(wd(par_op("x", PO_ALT, false, lit("d")))), "");
    vars_set(sh.vars, "x", "", 0);
    assert_string_equal(fields(wd(dq(par("x")))), "[]");
}

static void test_cmdsub(void **state)
{
    (void)state;
    sh.last_status = 7;
    assert_string_equal(fields(wd(cmdsub(0))), "[hello]");
    assert_int_equal(expand_cmdsub_status(), 40);
    assert_int_equal(sh.last_status, 7);    /* $? is the status before the command */
    assert_string_equal(fields(wd(cmdsub(1))), "[a][b]");
    assert_int_equal(expand_cmdsub_status(), 41);
    assert_string_equal(fields(wd(dq(cmdsub(1)))), "[a b]");
    assert_string_equal(fields(wd(dq(cmdsub(2)))), "[x\ny]");
    assert_string_equal(fields(wd(cmdsub(3))), "");
    assert_string_equal(fields(wd(dq(cmdsub(3)))), "[]");
    sh.last_status = 5;
    assert_string_equal(fields(wd(cmdsub(-1))), "");      /* $() */
    assert_int_equal(expand_cmdsub_status(), 0);
    assert_int_equal(sh.last_status, 5);
    assert_string_equal(one(chain(lit("<"), cmdsub(0), lit(">"), NULL), 0), "<hello>");
}

static void test_arith(void **state)
{
    (void)state;
    vars_set(sh.vars, "x", "4", 0);
    assert_string_equal(fields(wd(arith(lit("1+2*3")))), "[7]");
    assert_string_equal(fields(wd(arith(chain(par("x"), lit("*x"), NULL)))), "[16]");
    assert_string_equal(fields(wd(arith(lit("y=x+1")))), "[5]");
    assert_string_equal(vars_get(sh.vars, "y"), "5");
    assert_string_equal(fields(wd(arith(chain(lit("1+"), cmdsub(1), NULL)))), "ERR");
    sh.last_status = 0;
    assert_string_equal(fields(wd(arith(lit("1/0")))), "ERR");
    assert_int_equal(sh.last_status, 2);
    vars_set(sh.vars, "IFS", "-", 0);    /* the result of an unquoted $((...)) is split */
    assert_string_equal(fields(wd(arith(lit("0-5")))), "[][5]");
    assert_string_equal(fields(wd(dq(arith(lit("0-5"))))), "[-5]");
}

static void test_pattern_and_match(void **state)
{
    (void)state;
    assert_string_equal(one(chain(lit("a*"), sq("*?[\\"), NULL), EXP_PATTERN), "a*\\*\\?\\[\\\\");
    vars_set(sh.vars, "v", "x*", 0);
    assert_string_equal(one(chain(par("v"), dq(par("v")), NULL), EXP_PATTERN), "x*x\\*");
    assert_true(expand_match("a*", "abc"));
    assert_false(expand_match("a\\*", "abc"));
    assert_true(expand_match("a\\*", "a*"));
    assert_true(expand_match("*", ".hidden"));      /* leading period not special in case */
    assert_true(expand_match("[!a]b", "cb"));
    assert_false(expand_match("?", ""));
}

static void test_heredoc_and_prompt(void **state)
{
    (void)state;
    vars_set(sh.vars, "x", "v", 0);
    struct redir r = { 0 };
    r.op = R_HEREDOC;
    r.target = wd(dq(chain(sq("hi "), par("x"), sq(" ~ *\n"), NULL)));
    assert_string_equal(expand_heredoc(&sh, A, &r), "hi v ~ *\n");
    r.heredoc_quoted = true;
    r.target = wd(sq("$x `y`\n"));
    assert_string_equal(expand_heredoc(&sh, A, &r), "$x `y`\n");
    sh.last_status = 1;
    assert_string_equal(expand_prompt(&sh, A, "$x ${x} $((2*3)) $? $ $(cmd) ${u}!"),
                        "v v 6 1 $ $(cmd) !");
    vars_set(sh.vars, "y", "2", 0);
    assert_string_equal(expand_prompt(&sh, A, "$((y+1))-$((($y)))"), "3-2");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_quotes_and_empty), T(test_param_ops), T(test_trim), T(test_at_star),
        T(test_field_splitting), T(test_glob), T(test_tilde), T(test_special_params),
        T(test_nounset), T(test_cmdsub), T(test_arith), T(test_pattern_and_match),
        T(test_heredoc_and_prompt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
