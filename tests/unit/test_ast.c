/*
 * test_ast.c -- constructors, ast_dump of hand-built trees, ast_text and
 * ast_word_text re-quoting, and parse -> text -> parse round trips.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parser.h"

static char *dump_text(const struct node *n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    ast_dump(f, n);
    fclose(f);
    return buf;
}

static struct word *lit_word(struct arena *a, const char *text, enum wpart_kind kind)
{
    struct src_pos pos = { 1, 1 };
    struct word *w = ast_word(a, pos);
    w->parts = ast_wpart(a, kind);
    w->parts->u.text = text;
    return w;
}

static void test_constructors_zero(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct src_pos pos = { 3, 7 };
    struct node *n = ast_node(a, N_GROUP, pos);
    assert_int_equal(n->kind, N_GROUP);
    assert_int_equal(n->pos.line, 3);
    assert_int_equal(n->pos.col, 7);
    assert_null(n->redirs);
    assert_null(n->u.group.body);
    struct word *w = ast_word(a, pos);
    assert_null(w->parts);
    assert_null(w->next);
    struct wpart *wp = ast_wpart(a, WP_PARAM);
    assert_int_equal(wp->kind, WP_PARAM);
    assert_null(wp->u.param.arg);
    assert_false(wp->u.param.colon);
    arena_unref(a);
}

/* A tree built by hand: sleep 5 | wc -l > out & */
static void test_dump_by_hand(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct src_pos pos = { 1, 1 };
    struct node *s1 = ast_node(a, N_SIMPLE, pos), *s2 = ast_node(a, N_SIMPLE, pos);
    s1->u.simple.words = lit_word(a, "sleep", WP_LITERAL);
    s1->u.simple.words->next = lit_word(a, "5", WP_LITERAL);
    s2->u.simple.words = lit_word(a, "wc", WP_LITERAL);
    s2->u.simple.words->next = lit_word(a, "-l", WP_LITERAL);
    s2->redirs = arena_zalloc(a, sizeof *s2->redirs);
    s2->redirs->op = R_OUT;
    s2->redirs->fd = 1;
    s2->redirs->target = lit_word(a, "out", WP_LITERAL);
    struct node *pl = ast_node(a, N_PIPELINE, pos);
    pl->u.pipeline.stages = arena_alloc(a, 2 * sizeof(struct node *));
    pl->u.pipeline.stages[0] = s1;
    pl->u.pipeline.stages[1] = s2;
    pl->u.pipeline.nstages = 2;
    struct node *bg = ast_node(a, N_BACKGROUND, pos);
    bg->u.group.body = pl;
    char *d = dump_text(bg);
    assert_string_equal(d, "background\n  pipeline\n    simple\n      word lit \"sleep\"\n"
                           "      word lit \"5\"\n    simple\n      word lit \"wc\"\n"
                           "      word lit \"-l\"\n      redir 1> lit \"out\"\n");
    free(d);
    struct strbuf sb = STRBUF_INIT;
    ast_text(&sb, bg);
    assert_string_equal(sb_str(&sb), "sleep 5 | wc -l > out &");
    sb_free(&sb);
    d = dump_text(NULL);
    assert_string_equal(d, "empty\n");
    free(d);
    arena_unref(a);
}

static void test_dump_escapes(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct strbuf sb = STRBUF_INIT;
    ast_dump_word(&sb, lit_word(a, "a\"b\\c\n\t\x01", WP_QUOTED));
    assert_string_equal(sb_str(&sb), "sq \"a\\\"b\\\\c\\n\\t\\x01\"");
    sb_free(&sb);
    arena_unref(a);
}

/* ast_text of the first command of SRC. */
static char *text_of(const char *src)
{
    struct parser *p = parser_new_string(src);
    struct arena *a = arena_new();
    struct node *n;
    assert_int_equal(parser_all(p, a, &n), PARSE_OK);
    struct strbuf sb = STRBUF_INIT;
    ast_text(&sb, n);
    arena_unref(a);
    parser_free(p);
    return sb_detach(&sb);
}

static void expect_text(const char *src, const char *want)
{
    char *got = text_of(src);
    assert_string_equal(got, want);
    free(got);
}

static void test_text(void **state)
{
    (void)state;
    expect_text("sleep 5|wc -l>out&", "sleep 5 | wc -l > out &");
    expect_text("{ a;b; }", "{ a; b; }");
    expect_text("{ a & }", "{ a & }");
    expect_text("if x;then y;fi", "if x; then y; fi");
    expect_text("if a; then b; elif c; then d; else e; fi", "if a; then b; elif c; then d; else e; fi");
    expect_text("f(){ a; }", "f() { a; }");
    expect_text("a & b", "a & b");
    expect_text("! a && b || c", "! a && b || c");
    expect_text("(a;b)>o 2>&1", "(a; b) > o 2>&1");
    expect_text("while a; do b; done", "while a; do b; done");
    expect_text("until a; do b; done", "until a; do b; done");
    expect_text("for i in 1 2; do :; done", "for i in 1 2; do :; done");
    expect_text("for i do :; done", "for i; do :; done");
    expect_text("case $x in a|b) c;; d) ;& esac", "case $x in (a | b) c;; (d) ;& esac");
    expect_text("x=1 a'b c'\\d \"q$y\\\"\"", "x=1 a'b cd' \"q$y\\\"\"");
    expect_text("echo ${x}y ${#x} ${x:-a b} $(a) `b` $((1+$n))",
                "echo ${x}y ${#x} ${x:-a b} $(a) $(b) $((1+$n))");
    expect_text("echo 'it'\\''s'", "echo 'it'\\''s'");
    expect_text("echo $( (a) )", "echo $( (a))");
    expect_text("cat 3<in <>rw >|c >>ap <&3 >&-", "cat 3< in <> rw >| c >> ap <&3 >&-");
}

/* parse -> ast_text -> parse gives the same dump. */
static void test_round_trip(void **state)
{
    (void)state;
    static const char *const srcs[] = {
        "a | b && c || ! d; e & f", "x=1 y='a b' cmd \"$@\" ${1} ${10} $# \"${x:+\"in\"}\"",
        "case $1 in (*.c|*.h) cc \"$1\";; esac", "f() { for x in \"$@\"; do echo $x; done; } >log",
        "while read l; do case $l in x) break;; esac; done <in",
        "echo \"$(echo \"$(echo deep)\")\" '$no' \\$no \"a\\\\b\"",
        "echo ${x%%.*} ${x#*/} ${x##*/} ${x%.c}.o ${x=def} ${x?err}",
        "(cd /tmp && ls) | wc -l 2>/dev/null",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        struct parser *p = parser_new_string(srcs[i]);
        struct arena *a = arena_new();
        struct node *n;
        assert_int_equal(parser_all(p, a, &n), PARSE_OK);
        char *d1 = dump_text(n);
        struct strbuf sb = STRBUF_INIT;
        ast_text(&sb, n);
        struct parser *p2 = parser_new_string(sb_str(&sb));
        struct node *n2;
        assert_int_equal(parser_all(p2, a, &n2), PARSE_OK);
        char *d2 = dump_text(n2);
        assert_string_equal(d1, d2);
        free(d1);
        free(d2);
        sb_free(&sb);
        parser_free(p2);
        arena_unref(a);
        parser_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructors_zero),
        cmocka_unit_test(test_dump_by_hand),
        cmocka_unit_test(test_dump_escapes),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
