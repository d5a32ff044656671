/*
 * test_lexer.c -- token kinds, positions and quoting parts of the lexer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

/* A lexer over a string, with its own arena (no parser: $( ) is an error). */
struct fixture {
    struct lex_string src;
    struct lex_shared shared;
    struct lexer lx;
    struct arena *a;
};

static struct fixture *fx_new(const char *text)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->src.text = text;
    f->a = arena_new();
    f->shared.arena = f->a;
    lex_init(&f->lx, lex_string_read, &f->src, &f->shared, 0);
    return f;
}

static void fx_free(struct fixture *f)
{
    lex_free(&f->lx);
    arena_unref(f->a);
    free(f);
}

/* The kinds of all tokens of TEXT up to EOF, as a string of letters via a table. */
static void expect_kinds(const char *text, const enum tok_kind *kinds, size_t n)
{
    struct fixture *f = fx_new(text);
    struct token t;
    for (size_t i = 0; i < n; i++) {
        lex_next(&f->lx, &t);
        assert_int_equal(t.kind, kinds[i]);
    }
    fx_free(f);
}

/* The dump of the first token's word. */
static char *first_word(const char *text)
{
    struct fixture *f = fx_new(text);
    struct token t;
    lex_next(&f->lx, &t);
    struct strbuf sb = STRBUF_INIT;
    if (t.kind == TOK_WORD)
        ast_dump_word(&sb, t.word);
    else
        sb_printf(&sb, "<%d>", (int)t.kind);
    fx_free(f);
    return sb_detach(&sb);
}

static void check_word(const char *text, const char *want)
{
    char *got = first_word(text);
    assert_string_equal(got, want);
    free(got);
}

static void test_operators(void **state)
{
    (void)state;
    static const enum tok_kind k[] = {
        TOK_PIPE, TOK_OR_IF, TOK_AMP, TOK_AND_IF, TOK_SEMI, TOK_DSEMI, TOK_SEMI_AND,
        TOK_LPAREN, TOK_RPAREN, TOK_LESS, TOK_GREAT, TOK_DGREAT, TOK_CLOBBER,
        TOK_LESSGREAT, TOK_LESSAND, TOK_GREATAND, TOK_DLESSDASH, TOK_WORD, TOK_NEWLINE, TOK_EOF
    };
    expect_kinds("| || & && ; ;; ;& ( ) < > >> >| <> <& >& <<- x\n", k, sizeof k / sizeof *k);
}

/* A registered here-document takes the lines after the newline as its body. */
static void test_heredoc(void **state)
{
    (void)state;
    struct fixture *f = fx_new("cat <<E; x\n\tbody $v\nE\nnext\n");
    struct token t;
    struct redir r = { 0 };
    lex_next(&f->lx, &t);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_DLESS);
    lex_next(&f->lx, &t);
    assert_string_equal(lex_word_literal(t.word), "E");
    lex_add_heredoc(&f->lx, &r, "E", false, true);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_SEMI);
    lex_next(&f->lx, &t);
    assert_null(r.target);                  /* not before the newline */
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_NEWLINE);
    assert_non_null(r.target);
    struct strbuf sb = STRBUF_INIT;
    ast_dump_word(&sb, r.target);
    assert_string_equal(sb_str(&sb), "dq[sq \"body \" param v sq \"\\n\"]");
    sb_free(&sb);
    lex_next(&f->lx, &t);
    assert_string_equal(lex_word_literal(t.word), "next");
    assert_int_equal(t.pos.line, 4);
    fx_free(f);
}

static void test_io_number(void **state)
{
    (void)state;
    struct fixture *f = fx_new("echo 2>x 12<&3 a2>y 2 >z");
    struct token t;
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_WORD);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_IO_NUMBER);
    assert_int_equal(t.io_number, 2);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_GREAT);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_WORD);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_IO_NUMBER);
    assert_int_equal(t.io_number, 12);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_LESSAND);
    lex_next(&f->lx, &t);
    lex_next(&f->lx, &t);                   /* a2 is a word */
    assert_int_equal(t.kind, TOK_WORD);
    assert_string_equal(lex_word_literal(t.word), "a2");
    lex_next(&f->lx, &t);
    lex_next(&f->lx, &t);
    lex_next(&f->lx, &t);                   /* "2 >" : 2 is a word */
    assert_int_equal(t.kind, TOK_WORD);
    fx_free(f);
}

static void test_positions(void **state)
{
    (void)state;
    struct fixture *f = fx_new("ab  cd\n  'x\ny' z\n");
    struct token t;
    lex_next(&f->lx, &t);
    assert_int_equal(t.pos.line, 1);
    assert_int_equal(t.pos.col, 1);
    lex_next(&f->lx, &t);
    assert_int_equal(t.pos.line, 1);
    assert_int_equal(t.pos.col, 5);
    lex_next(&f->lx, &t);
    assert_int_equal(t.kind, TOK_NEWLINE);
    assert_int_equal(t.pos.col, 7);
    lex_next(&f->lx, &t);
    assert_int_equal(t.pos.line, 2);
    assert_int_equal(t.pos.col, 3);
    lex_next(&f->lx, &t);
    assert_int_equal(t.pos.line, 3);
    assert_int_equal(t.pos.col, 4);
    fx_free(f);
}

static void test_quoting_parts(void **state)
{
    (void)state;
    check_word("abc", "lit \"abc\"");
    check_word("a'b c'd", "lit \"a\" sq \"b c\" lit \"d\"");
    check_word("\\a\\b", "sq \"ab\"");
    check_word("''", "sq \"\"");
    check_word("\"\"", "dq[]");
    check_word("\"a\\$b\\x\"", "dq[sq \"a$b\\\\x\"]");
    check_word("\"it's\"", "dq[sq \"it's\"]");
    check_word("a\\\nb", "lit \"ab\"");
    check_word("'a\\\nb'", "sq \"a\\\\\\nb\"");
    check_word("\"a\\\nb\"", "dq[sq \"ab\"]");
    check_word("x#y", "lit \"x#y\"");
}

static void test_params(void **state)
{
    (void)state;
    check_word("$a$1$10", "param a param 1 param 1 lit \"0\"");
    check_word("${10}", "param 10");
    check_word("$@$*$#$?$-$$$!$0", "param @ param * param # param ? param - param $ param ! param 0");
    check_word("$ $. a$", "lit \"$\"");
    check_word("${x:-a b}", "param{x :- lit \"a b\"}");
    check_word("${x=1}${x?e}${x:+y}", "param{x = lit \"1\"} param{x ? lit \"e\"} param{x :+ lit \"y\"}");
    check_word("${#x}${#}${x%a}${x%%a}${x#a}${x##a}",
               "param{#x} param # param{x % lit \"a\"} param{x %% lit \"a\"} "
               "param{x # lit \"a\"} param{x ## lit \"a\"}");
    /* no valid form: the rest up to '}' is the word, the error comes when expanded */
    check_word("${}${x/y}${#@x}${x:a}${#x-y}",
               "param{bad } param{bad x lit \"/y\"} param{bad #@ lit \"x\"} "
               "param{bad x: lit \"a\"} param{bad #x lit \"-y\"}");
    check_word("${x:-'q'\"d\"}", "param{x :- sq \"q\" dq[sq \"d\"]}");
    check_word("\"${x:-*}\"", "dq[param{x :- sq \"*\"}]");
    check_word("\"${x#*}\"", "dq[param{x # lit \"*\"}]");
    check_word("${x-}", "param{x -}");
}

static void test_arith(void **state)
{
    (void)state;
    check_word("$((1+(2*$x)))", "arith[sq \"1+(2*\" param x sq \")\"]");
}

static void test_comment(void **state)
{
    (void)state;
    static const enum tok_kind k[] = { TOK_WORD, TOK_NEWLINE, TOK_WORD, TOK_EOF };
    expect_kinds("a # comment ; | \nb", k, 4);
}

static void test_errors(void **state)
{
    (void)state;
    static const char *const bad[] = { "'abc", "${x", "${)", "\"a", "$((1)", "`a", "$(x)" };
    char want[16];
    snprintf(want, sizeof want, "<%d>", (int)TOK_ERROR);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *w = first_word(bad[i]);   /* $(x): no parser installed */
        assert_string_equal(w, want);
        free(w);
    }
}

/* Garbage bytes never crash the lexer. */
static void test_garbage(void **state)
{
    (void)state;
    char buf[512];
    unsigned seed = 7;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf - 1; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(1 + (seed >> 16) % 255);
        }
        buf[sizeof buf - 1] = '\0';
        struct fixture *f = fx_new(buf);
        struct token t;
        f->shared.failed = true;        /* errors are expected: keep them quiet */
        int n = 0;
        do {
            lex_next(&f->lx, &t);
            if (t.kind == TOK_ERROR)
                lex_skip_line(&f->lx);
        } while (t.kind != TOK_EOF && ++n < 10000);
        assert_true(n < 10000);
        fx_free(f);
    }
}

static void test_helpers(void **state)
{
    (void)state;
    assert_true(lex_is_name("a_1"));
    assert_false(lex_is_name("1a"));
    assert_false(lex_is_name("a-b"));
    assert_false(lex_is_name(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_heredoc),
        cmocka_unit_test(test_io_number),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_quoting_parts),
        cmocka_unit_test(test_params),
        cmocka_unit_test(test_arith),
        cmocka_unit_test(test_comment),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
