/*
 * test_builtins.c -- unit tests of the builtins' pure parts (test's
 * decisions, printf's formatting, echo's escapes, umask's modes, read's
 * splitting) and of builtins run against a real struct shell (getopts,
 * read from a pipe, set, shift, export, cd).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

/* ==== helpers ==== */

/* Run test_eval on a NULL-terminated list of words. */
static int t(const char *first, ...)
{
    char *argv[16];
    int argc = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s != NULL && argc < 16; s = va_arg(ap, const char *))
        argv[argc++] = (char *)s;
    va_end(ap);
    return test_eval("test", argc, argv);
}

/* printf_format with FMT and a NULL-terminated argument list; returns the text (static). */
static const char *pf(int *status, const char *fmt, ...)
{
    static char result[512];
    char *args[16];
    int n = 0;
    struct strbuf out = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    for (char *s = va_arg(ap, char *); s != NULL && n < 16; s = va_arg(ap, char *))
        args[n++] = s;
    va_end(ap);
    int st = printf_format(&out, fmt, args, n);
    if (status != NULL)
        *status = st;
    snprintf(result, sizeof result, "%s", sb_str(&out));
    sb_free(&out);
    return result;
}

static int setup_shell(void **state)
{
    static char *envp[] = {"HOME=/tmp", "PATH=/usr/bin:/bin", NULL};
    struct shell *sh = calloc(1, sizeof *sh);
    shell_init(sh, envp);
    sh->opt.interactive = true;     /* errors must not exit the test */
    *state = sh;
    return 0;
}

static int teardown_shell(void **state)
{
    struct shell *sh = *state;
    shell_free(sh);
    free(sh);
    return 0;
}

/* Call builtin FN with a NULL-terminated argv. */
static int run(struct shell *sh, builtin_fn *fn, ...)
{
    char *argv[16];
    int argc = 0;
    va_list ap;
    va_start(ap, fn);
    for (char *s = va_arg(ap, char *); s != NULL && argc < 15; s = va_arg(ap, char *))
        argv[argc++] = s;
    va_end(ap);
    argv[argc] = NULL;
    return fn(sh, argc, argv);
}

/* Make INPUT the contents of fd 0 (through a pipe); returns the saved fd 0. */
static int feed_stdin(const char *input)
{
    int fds[2];
    int saved = dup(0);
    assert_true(saved >= 0);
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], input, strlen(input)), (ssize_t)strlen(input));
    close(fds[1]);
    assert_int_equal(dup2(fds[0], 0), 0);
    close(fds[0]);
    return saved;
}

static void restore_stdin(int saved)
{
    assert_int_equal(dup2(saved, 0), 0);
    close(saved);
}

/* ==== test / [ ==== */

static void test_test_counts(void **state)
{
    (void)state;
    assert_int_equal(t(NULL), 1);
    assert_int_equal(t("", NULL), 1);
    assert_int_equal(t("x", NULL), 0);
    assert_int_equal(t("-n", NULL), 0);            /* one argument: just non-empty */
    assert_int_equal(t("!", NULL), 0);
    assert_int_equal(t("!", "", NULL), 0);
    assert_int_equal(t("!", "x", NULL), 1);
    assert_int_equal(t("-z", "", NULL), 0);
    assert_int_equal(t("-n", "", NULL), 1);
    assert_int_equal(t("a", "=", "a", NULL), 0);
    assert_int_equal(t("a", "!=", "a", NULL), 1);
    assert_int_equal(t("!", "=", "!", NULL), 0);   /* 3 args: binary first */
    assert_int_equal(t("(", "x", ")", NULL), 0);
    assert_int_equal(t("!", "-z", "x", NULL), 0);
    assert_int_equal(t("a", "-a", "", NULL), 1);
    assert_int_equal(t("a", "-o", "", NULL), 0);
    assert_int_equal(t("!", "a", "=", "b", NULL), 0);   /* 4 args: ! + 3 */
    assert_int_equal(t("(", "-n", "x", ")", NULL), 0);  /* 4 args: ( 2 ) */
    assert_int_equal(t("!", "!", "x", NULL), 0);   /* ! (! x) */
    assert_int_equal(t("-z", "-o", "-z", NULL), 0);  /* POSIX: binary -o (dash: error) */
    assert_int_equal(t("-n", "-a", "-n", NULL), 0);
}

static void test_test_numbers(void **state)
{
    (void)state;
    assert_int_equal(t("3", "-eq", "3", NULL), 0);
    assert_int_equal(t("3", "-lt", "10", NULL), 0);
    assert_int_equal(t("-3", "-gt", "-10", NULL), 0);
    assert_int_equal(t(" 7 ", "-ge", "7", NULL), 0);
    assert_int_equal(t("2", "-ne", "2", NULL), 1);
    assert_int_equal(t("2", "-le", "1", NULL), 1);
    assert_int_equal(t("abc", "-eq", "1", NULL), 2);
    assert_int_equal(t("1", "-eq", "", NULL), 2);
    assert_int_equal(t("a", "<", "b", NULL), 0);
    assert_int_equal(t("a", ">", "b", NULL), 1);
}

static void test_test_grammar(void **state)
{
    (void)state;
    /* -a binds tighter than -o: true -o (false -a false) */
    assert_int_equal(t("x", "-o", "", "-a", "", NULL), 0);
    /* (true -o false) -a false */
    assert_int_equal(t("(", "x", "-o", "", ")", "-a", "", NULL), 1);
    assert_int_equal(t("!", "(", "a", "=", "b", ")", NULL), 0);
    assert_int_equal(t("-n", "x", "-a", "-z", "", NULL), 0);
    assert_int_equal(t("1", "-eq", "1", "-a", "2", "-gt", "1", NULL), 0);
    assert_int_equal(t("a", "=", "a", "-a", "!", "b", "=", "b", NULL), 1);
}

static void test_test_errors(void **state)
{
    (void)state;
    assert_int_equal(t("a", "b", NULL), 2);
    assert_int_equal(t("a", "b", "c", NULL), 2);
    assert_int_equal(t("a", "b", "c", "d", "e", NULL), 2);
    assert_int_equal(t("(", "a", "=", "a", "-a", "b", NULL), 2);   /* missing ) */
    assert_int_equal(t("1", "-eq", NULL), 2);
    assert_int_equal(t("x", "-a", "y", "-o", NULL), 2);
    assert_int_equal(t("a", "=", "a", "b", "c", NULL), 2);
}

static void test_test_files(void **state)
{
    (void)state;
    assert_int_equal(t("-d", "/", NULL), 0);
    assert_int_equal(t("-f", "/", NULL), 1);
    assert_int_equal(t("-e", "/nonexistent/x", NULL), 1);
    assert_int_equal(t("-c", "/dev/null", NULL), 0);
    assert_int_equal(t("-s", "/dev/null", NULL), 1);
    assert_int_equal(t("-r", "/", NULL), 0);
    assert_int_equal(t("-h", "/", NULL), 1);
    assert_int_equal(t("/", "-ef", "/.", NULL), 0);
    assert_int_equal(t("-t", "x", NULL), 2);
}

static void test_bracket(void **state)
{
    char *ok[] = {"[", "a", "=", "a", "]", NULL};
    char *missing[] = {"[", "a", "=", "a", NULL};
    char *empty[] = {"[", "]", NULL};
    (void)state;
    assert_int_equal(bi_bracket(NULL, 5, ok), 0);
    assert_int_equal(bi_bracket(NULL, 4, missing), 2);
    assert_int_equal(bi_bracket(NULL, 2, empty), 1);
}

/* ==== printf / echo ==== */

static void test_printf_conversions(void **state)
{
    int st;
    (void)state;
    assert_string_equal(pf(&st, "%d|%i|%5d|%-5d|%05d\n", "42", "-7", "3", "3", "3", NULL),
                        "42|-7|    3|3    |00003\n");
    assert_int_equal(st, 0);
    assert_string_equal(pf(NULL, "%x %X %o %#o %#x %u", "255", "255", "8", "8", "255", "-1", NULL),
                        "ff FF 10 010 0xff 18446744073709551615");
    assert_string_equal(pf(NULL, "%s|%5s|%-5s|%.2s|%c|%3c", "ab", "ab", "ab", "abc", "xyz", "q", NULL),
                        "ab|   ab|ab   |ab|x|  q");
    assert_string_equal(pf(NULL, "%f %.2f %e %g %G %E", "1.5", "3.14159", "1.5", "0.0001",
                           "1e-10", "2", NULL),
                        "1.500000 3.14 1.500000e+00 0.0001 1E-10 2.000000E+00");
    assert_string_equal(pf(NULL, "%*d|%-*d|%.*s", "4", "7", "3", "1", "2", "abcdef", NULL),
                        "   7|1  |ab");
    assert_string_equal(pf(NULL, "100%%", NULL), "100%");
}

static void test_printf_numbers(void **state)
{
    int st;
    (void)state;
    assert_string_equal(pf(&st, "%d %d %d %d", "0x1f", "010", "'a", "\"b", NULL), "31 8 97 98");
    assert_int_equal(st, 0);
    assert_string_equal(pf(&st, "%d\n", "abc", NULL), "0\n");
    assert_int_equal(st, 1);
    assert_string_equal(pf(&st, "%d-%d", "3abc", "4", NULL), "3-4");
    assert_int_equal(st, 1);
    assert_string_equal(pf(&st, "%d %s|", NULL), "0 |");       /* missing args */
    assert_string_equal(pf(&st, "%y", "3", NULL), "");
    assert_int_equal(st, 2);
}

static void test_printf_reuse_and_escapes(void **state)
{
    (void)state;
    assert_string_equal(pf(NULL, "%s %s\n", "a", "b", "c", NULL), "a b\nc \n");
    assert_string_equal(pf(NULL, "[%s]", "1", "2", "3", NULL), "[1][2][3]");
    assert_string_equal(pf(NULL, "no args\n", "x", NULL), "no args\n");
    assert_string_equal(pf(NULL, "a\\tb\\101\\0101\\q\\\\", NULL), "a\tbA\b1\\q\\");
    assert_string_equal(pf(NULL, "a\\cb", NULL), "a\\cb");    /* dash: \c only in %b */
    assert_string_equal(pf(NULL, "%b|%b|%b", "\\101", "\\0101", "\\q", NULL), "A|A|\\q");
    assert_string_equal(pf(NULL, "%b|%s\n", "x\\cy", "z", "again", NULL), "x");
    assert_string_equal(pf(NULL, "%5b|", "a\\n", NULL), "   a\n|");
}

/* %c of an empty argument writes a NUL byte, as dash does. */
static void test_printf_c_empty(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    char *args[] = { "", "xy" };
    assert_int_equal(printf_format(&out, "%c|%2c|%c", args, 2), 0);
    assert_int_equal(out.len, 6);
    assert_memory_equal(out.buf, "\0| x|\0", 6);   /* a missing argument is empty too */
    sb_free(&out);
}

static void test_echo_escapes(void **state)
{
    struct strbuf sb = STRBUF_INIT;
    (void)state;
    assert_false(echo_escapes(&sb, "a\\tb\\n\\\\\\a\\v\\f\\r\\b"));
    assert_string_equal(sb_str(&sb), "a\tb\n\\\a\v\f\r\b");
    sb_reset(&sb);
    assert_false(echo_escapes(&sb, "\\0101\\101\\e\\"));
    assert_string_equal(sb_str(&sb), "AA\033\\");   /* \e is ESC, as in dash */
    sb_reset(&sb);
    assert_true(echo_escapes(&sb, "stop\\chere"));
    assert_string_equal(sb_str(&sb), "stop");
    sb_free(&sb);
}

static void test_echo_output(void **state)
{
    char buf[64] = {0};
    FILE *f = tmpfile();
    int saved = dup(1);
    (void)state;
    assert_non_null(f);
    fflush(stdout);
    assert_int_equal(dup2(fileno(f), 1), 1);
    run(NULL, bi_echo, "echo", "-n", "a", "b", NULL);
    run(NULL, bi_echo, "echo", "-e", "x\\cy", "z", NULL);
    run(NULL, bi_echo, "echo", NULL);
    fflush(stdout);
    assert_int_equal(dup2(saved, 1), 1);
    close(saved);
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_string_equal(buf, "a b-e x\n");
}

/* ==== umask ==== */

static void test_umask_parse(void **state)
{
    mode_t m;
    (void)state;
    assert_int_equal(umask_parse("077", 022, &m), 0);
    assert_int_equal(m, 077);
    assert_int_equal(umask_parse("u=rwx,g=rx,o=", 0, &m), 0);
    assert_int_equal(m, 027);
    assert_int_equal(umask_parse("a-w", 022, &m), 0);
    assert_int_equal(m, 0222);
    assert_int_equal(umask_parse("g+w", 022, &m), 0);
    assert_int_equal(m, 002);
    assert_int_equal(umask_parse("+x", 0777, &m), 0);
    assert_int_equal(m, 0666);
    assert_int_equal(umask_parse("o=u", 077, &m), 0);    /* others copy user's rwx */
    assert_int_equal(m, 070);
    assert_int_equal(umask_parse("go=", 0, &m), 0);
    assert_int_equal(m, 077);
    assert_int_equal(umask_parse("8", 0, &m), -1);
    assert_int_equal(umask_parse("u", 0, &m), -1);
    assert_int_equal(umask_parse("u=r,", 0, &m), -1);
    assert_int_equal(umask_parse("z=r", 0, &m), -1);
}

/* ==== read ==== */

/* Field I of LINE split by read_split, as a heap string. */
static char *field_text(const char *line, const struct read_field *f)
{
    return strndup(line + f->start, f->len);
}

static void split_check(const char *line, const char *ifs, int n, const char *const *want)
{
    struct read_field fields[8];
    read_split(line, NULL, strlen(line), ifs, fields, n);
    for (int i = 0; i < n; i++) {
        char *s = field_text(line, &fields[i]);
        assert_string_equal(s, want[i]);
        free(s);
        if (i > 0) {    /* in order, never overlapping: each may be ended in place */
            size_t prev_end = fields[i - 1].start + fields[i - 1].len;
            assert_true(fields[i].start > prev_end
                        || (fields[i].start == prev_end && fields[i].len == 0));
        }
    }
}

static void test_read_split(void **state)
{
    (void)state;
    split_check("  a  b  c  ", " \t\n", 2, (const char *const[]){"a", "b  c"});
    split_check("a b", " \t\n", 3, (const char *const[]){"a", "b", ""});
    split_check("a:b:", ":", 2, (const char *const[]){"a", "b"});
    split_check("a:b:c:", ":", 2, (const char *const[]){"a", "b:c:"});
    split_check(" a : b : c ", " :", 4, (const char *const[]){"a", "b", "c", ""});
    split_check("a::b", ":", 3, (const char *const[]){"a", "", "b"});
    split_check("  x  ", " ", 1, (const char *const[]){"x"});
    split_check("a b", "", 2, (const char *const[]){"a b", ""});
}

static void test_read_escaped_split(void **state)
{
    struct read_field fields[2];
    const char esc[] = {0, 1, 0, 0, 0};    /* "a\ b c": the space after a was escaped */
    (void)state;
    read_split("a b c", esc, 5, " ", fields, 2);
    char *a = field_text("a b c", &fields[0]), *c = field_text("a b c", &fields[1]);
    assert_string_equal(a, "a b");
    assert_string_equal(c, "c");
    free(a);
    free(c);
}

static void test_read_builtin(void **state)
{
    struct shell *sh = *state;
    int saved = feed_stdin("a\\ b\\\nc d\nnext line\nlast");
    assert_int_equal(run(sh, bi_read, "read", "x", "y", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "x"), "a bc");
    assert_string_equal(vars_get(sh->vars, "y"), "d");
    assert_int_equal(run(sh, bi_read, "read", NULL), 2);    /* POSIX needs a name (dash) */
    assert_int_equal(run(sh, bi_read, "read", "-r", "REPLY", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "REPLY"), "next line");
    assert_int_equal(run(sh, bi_read, "read", "x", NULL), 1);   /* EOF, but assigned */
    assert_string_equal(vars_get(sh->vars, "x"), "last");
    assert_int_equal(run(sh, bi_read, "read", "x", NULL), 1);
    assert_string_equal(vars_get(sh->vars, "x"), "");
    restore_stdin(saved);

    saved = feed_stdin("p\\q r\\\n");
    assert_int_equal(run(sh, bi_read, "read", "-r", "x", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "x"), "p\\q r\\");
    restore_stdin(saved);
}

/* ==== getopts ==== */

static void getopts_expect(struct shell *sh, char **argv, int argc, int status, const char *opt,
                           const char *value, const char *next)
{
    assert_int_equal(bi_getopts(sh, argc, argv), status);
    assert_string_equal(vars_get(sh->vars, "o"), opt);
    if (value == NULL)
        assert_null(vars_get(sh->vars, "OPTARG"));
    else
        assert_string_equal(vars_get(sh->vars, "OPTARG"), value);
    assert_string_equal(vars_get(sh->vars, "OPTIND"), next);
}

static void test_getopts_sequence(void **state)
{
    struct shell *sh = *state;
    char *argv[] = {"getopts", "ab:c", "o", "-ac", "-bval", "-b", "x", "-x", "--", "rest", NULL};
    vars_set(sh->vars, "OPTIND", "1", 0);
    getopts_expect(sh, argv, 10, 0, "a", NULL, "1");
    getopts_expect(sh, argv, 10, 0, "c", NULL, "2");
    getopts_expect(sh, argv, 10, 0, "b", "val", "3");
    getopts_expect(sh, argv, 10, 0, "b", "x", "5");
    getopts_expect(sh, argv, 10, 0, "?", NULL, "6");    /* -x: illegal, reported */
    getopts_expect(sh, argv, 10, 1, "?", NULL, "7");    /* -- ends; OPTARG stays as is */
    /* resetting OPTIND starts over */
    vars_set(sh->vars, "OPTIND", "1", 0);
    getopts_expect(sh, argv, 10, 0, "a", NULL, "1");
}

static void test_getopts_silent_and_params(void **state)
{
    struct shell *sh = *state;
    char *argv[] = {"getopts", ":ab:", "o", NULL};
    char *params[] = {"-x", "-b", NULL};
    shell_set_params(sh, params, 2);
    vars_set(sh->vars, "OPTIND", "1", 0);
    getopts_expect(sh, argv, 3, 0, "?", "x", "2");
    getopts_expect(sh, argv, 3, 0, ":", "b", "3");
    getopts_expect(sh, argv, 3, 1, "?", "b", "3");      /* the end keeps OPTARG, as dash */
    char *argv2[] = {"getopts", "a", "o", "plain", NULL};
    vars_set(sh->vars, "OPTIND", "1", 0);
    getopts_expect(sh, argv2, 4, 1, "?", "b", "1");
}

/* ==== set shift export unset local ==== */

static void test_set_options(void **state)
{
    struct shell *sh = *state;
    assert_int_equal(run(sh, bi_set, "set", "-eu", "-o", "pipefail", NULL), 0);
    assert_true(sh->opt.errexit);
    assert_true(sh->opt.nounset);
    assert_true(sh->opt.pipefail);
    assert_int_equal(run(sh, bi_set, "set", "+e", "+o", "pipefail", NULL), 0);
    assert_false(sh->opt.errexit);
    assert_false(sh->opt.pipefail);
    assert_int_equal(run(sh, bi_set, "set", "-q", NULL), 2);
    assert_int_equal(run(sh, bi_set, "set", "-o", "nosuch", NULL), 2);
    assert_int_equal(run(sh, bi_set, "set", "-x", "a", "b", NULL), 0);
    assert_true(sh->opt.xtrace);
    assert_int_equal(sh->nparams, 2);
    assert_string_equal(sh->params[1], "b");
    assert_int_equal(run(sh, bi_set, "set", "--", NULL), 0);
    assert_int_equal(sh->nparams, 0);
    assert_int_equal(run(sh, bi_set, "set", "--", "-z", NULL), 0);
    assert_string_equal(sh->params[0], "-z");
}

static void test_shift(void **state)
{
    struct shell *sh = *state;
    char *params[] = {"1", "2", "3", NULL};
    shell_set_params(sh, params, 3);
    assert_int_equal(run(sh, bi_shift, "shift", NULL), 0);
    assert_int_equal(sh->nparams, 2);
    assert_string_equal(sh->params[0], "2");
    assert_int_equal(run(sh, bi_shift, "shift", "5", NULL), 2);
    assert_int_equal(run(sh, bi_shift, "shift", "x", NULL), 2);
    assert_int_equal(run(sh, bi_shift, "shift", "2", NULL), 0);
    assert_int_equal(sh->nparams, 0);
}

static void test_export_readonly_unset(void **state)
{
    struct shell *sh = *state;
    assert_int_equal(run(sh, bi_export, "export", "A=1", "B", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "A"), "1");
    assert_true(vars_flags(sh->vars, "A") & VAR_EXPORT);
    assert_true(vars_flags(sh->vars, "B") & VAR_EXPORT);
    assert_int_equal(run(sh, bi_export, "export", "1x=2", NULL), 2);
    assert_int_equal(run(sh, bi_readonly, "readonly", "R=v", NULL), 0);
    assert_int_equal(run(sh, bi_unset, "unset", "R", NULL), 2);
    assert_int_equal(run(sh, bi_export, "export", "R=w", NULL), 2);
    assert_string_equal(vars_get(sh->vars, "R"), "v");
    assert_int_equal(run(sh, bi_unset, "unset", "A", "nosuch", NULL), 0);
    assert_null(vars_get(sh->vars, "A"));
    assert_int_equal(run(sh, bi_local, "local", "x", NULL), 2);   /* not in a function */
}

static void test_quote(void **state)
{
    struct strbuf sb = STRBUF_INIT;
    (void)state;
    bi_quote(&sb, "it's");
    assert_string_equal(sb_str(&sb), "'it'\"'\"'s'");
    sb_free(&sb);
}

/* ==== flow ==== */

static void test_flow_jumps(void **state)
{
    struct shell *sh = *state;
    sh->last_status = 5;
    assert_int_equal(run(sh, bi_break, "break", NULL), 0);       /* outside loops: ignored */
    assert_int_equal(sh->jump, JUMP_NONE);
    sh->loop_depth = 2;
    assert_int_equal(run(sh, bi_break, "break", "5", NULL), 0);
    assert_int_equal(sh->jump, JUMP_BREAK);
    assert_int_equal(sh->jump_count, 2);
    sh->jump = JUMP_NONE;
    assert_int_equal(run(sh, bi_continue, "continue", "0", NULL), 2);
    assert_int_equal(sh->jump, JUMP_ABORT);     /* interactive: the rest of the line goes */
    sh->jump = JUMP_NONE;
    sh->last_status = 5;    /* the error above set $? */
    assert_int_equal(run(sh, bi_return, "return", NULL), 5);
    assert_int_equal(sh->jump, JUMP_RETURN);
    sh->jump = JUMP_NONE;
    assert_int_equal(run(sh, bi_return, "return", "300", NULL), 300);   /* dash keeps it whole */
    assert_int_equal(sh->last_status, 300);
    sh->jump = JUMP_NONE;
    assert_int_equal(run(sh, bi_exit, "exit", "300", NULL), 44);
    assert_int_equal(sh->jump, JUMP_EXIT);
    sh->jump = JUMP_NONE;
    assert_int_equal(run(sh, bi_exit, "exit", "abc", NULL), 2);
    assert_int_equal(sh->jump, JUMP_ABORT);     /* interactive: an error, not an exit */
    sh->jump = JUMP_NONE;
    sh->loop_depth = 0;
}

static void test_ulimit(void **state)
{
    struct shell *sh = *state;
    struct rlimit rl;
    assert_int_equal(run(sh, bi_ulimit, "ulimit", "-c", "0", NULL), 0);
    assert_int_equal(getrlimit(RLIMIT_CORE, &rl), 0);
    assert_true(rl.rlim_cur == 0 && rl.rlim_max == 0);
    assert_int_equal(run(sh, bi_ulimit, "ulimit", "-Sn", "abc", NULL), 2);
    assert_int_equal(run(sh, bi_ulimit, "ulimit", "-x", NULL), 2);
    assert_int_equal(run(sh, bi_ulimit, "ulimit", "-n", "1", "2", NULL), 2);
}

static void test_cd_pwd(void **state)
{
    struct shell *sh = *state;
    char *old = getcwd(NULL, 4096);
    assert_int_equal(run(sh, bi_cd, "cd", "/usr/../tmp/./", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "PWD"), "/tmp");
    assert_int_equal(run(sh, bi_cd, "cd", "/nonexistent-dir", NULL), 2);
    assert_string_equal(vars_get(sh->vars, "PWD"), "/tmp");
    assert_int_equal(run(sh, bi_cd, "cd", "/", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "OLDPWD"), "/tmp");
    assert_int_equal(run(sh, bi_cd, "cd", "-P", "..", NULL), 0);
    assert_string_equal(vars_get(sh->vars, "PWD"), "/");
    vars_unset(sh->vars, "HOME");
    assert_int_equal(run(sh, bi_cd, "cd", NULL), 0);   /* dash: quietly stays */
    assert_string_equal(vars_get(sh->vars, "PWD"), "/");
    assert_int_equal(chdir(old), 0);
    free(old);
}

static void test_table(void **state)
{
    (void)state;
    assert_non_null(builtin_find("cd"));
    assert_false(builtin_find("cd")->special);
    assert_true(builtin_find("export")->special);
    assert_true(builtin_find(".")->special);
    assert_null(builtin_find("ls"));
    assert_true(bi_is_keyword("then"));
}

/* builtin_find bisects: the table must stay sorted, and every name be found. */
static void table_check(const char *name, void *ctx)
{
    const char **prev = ctx;
    if (*prev != NULL)
        assert_true(strcmp(*prev, name) < 0);
    assert_non_null(builtin_find(name));
    assert_string_equal(builtin_find(name)->name, name);
    *prev = name;
}

static void test_table_sorted(void **state)
{
    (void)state;
    const char *prev = NULL;
    builtin_foreach(table_check, &prev);
    assert_non_null(prev);
    assert_null(builtin_find(""));
    assert_null(builtin_find("zzz"));
    assert_null(builtin_find("!"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_test_counts),
        cmocka_unit_test(test_test_numbers),
        cmocka_unit_test(test_test_grammar),
        cmocka_unit_test(test_test_errors),
        cmocka_unit_test(test_test_files),
        cmocka_unit_test(test_bracket),
        cmocka_unit_test(test_printf_conversions),
        cmocka_unit_test(test_printf_numbers),
        cmocka_unit_test(test_printf_reuse_and_escapes),
        cmocka_unit_test(test_printf_c_empty),
        cmocka_unit_test_setup_teardown(test_ulimit, setup_shell, teardown_shell),
        cmocka_unit_test(test_echo_escapes),
        cmocka_unit_test(test_echo_output),
        cmocka_unit_test(test_umask_parse),
        cmocka_unit_test(test_read_split),
        cmocka_unit_test(test_read_escaped_split),
        cmocka_unit_test_setup_teardown(test_read_builtin, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_getopts_sequence, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_getopts_silent_and_params, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_set_options, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_shift, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_export_readonly_unset, setup_shell, teardown_shell),
        cmocka_unit_test(test_quote),
        cmocka_unit_test_setup_teardown(test_flow_jumps, setup_shell, teardown_shell),
        cmocka_unit_test_setup_teardown(test_cd_pwd, setup_shell, teardown_shell),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_table_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
