/*
 * test_parser.c -- the parser, checked through ast_dump: every construct,
 * every redirection, here-documents, aliases, reserved-word contexts, errors,
 * incomplete input read line by line, deep nesting and garbage input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "strbuf.h"

struct dump_case {
    const char *src;
    const char *dump;
};

/* generated from reviewed parser output; each pair: input, expected ast_dump */
static const struct dump_case dump_cases[] = {
    { "a; b; c",
      "seq\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  seq\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "    simple\n"
      "      word lit \"c\"\n" },
    { "a & b &",
      "seq\n"
      "  background\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  background\n"
      "    simple\n"
      "      word lit \"b\"\n" },
    { "a && b || ! c",
      "or\n"
      "  and\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "  pipeline !\n"
      "    simple\n"
      "      word lit \"c\"\n" },
    { "! a | b",
      "pipeline !\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n" },
    { "! ! a",
      "simple\n"
      "  word lit \"a\"\n" },
    { "a | b | c | d | f",
      "pipeline\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n"
      "  simple\n"
      "    word lit \"c\"\n"
      "  simple\n"
      "    word lit \"d\"\n"
      "  simple\n"
      "    word lit \"f\"\n" },
    { "x=1 y=$z cmd a=b",
      "simple\n"
      "  assign lit \"x=1\"\n"
      "  assign lit \"y=\" param z\n"
      "  word lit \"cmd\"\n"
      "  word lit \"a=b\"\n" },
    { ">out x=1",
      "simple\n"
      "  assign lit \"x=1\"\n"
      "  redir 1> lit \"out\"\n" },
    { "a=1 if",
      "simple\n"
      "  assign lit \"a=1\"\n"
      "  word lit \"if\"\n" },
    { "for x\nin a b\ndo y; done",
      "for x in\n"
      "  word lit \"a\"\n"
      "  word lit \"b\"\n"
      "  do\n"
      "    simple\n"
      "      word lit \"y\"\n" },
    { "for x do y; done",
      "for x\n"
      "  do\n"
      "    simple\n"
      "      word lit \"y\"\n" },
    { "for x; do y; done",
      "for x\n"
      "  do\n"
      "    simple\n"
      "      word lit \"y\"\n" },
    { "for x in; do y; done",
      "for x in\n"
      "  do\n"
      "    simple\n"
      "      word lit \"y\"\n" },
    { "for x in do done; do y; done",
      "for x in\n"
      "  word lit \"do\"\n"
      "  word lit \"done\"\n"
      "  do\n"
      "    simple\n"
      "      word lit \"y\"\n" },
    { "case w in\n(a) x;;\nb|c) y;&\n*) ;;\nesac",
      "case lit \"w\"\n"
      "  item ;;\n"
      "    pattern lit \"a\"\n"
      "    simple\n"
      "      word lit \"x\"\n"
      "  item ;&\n"
      "    pattern lit \"b\"\n"
      "    pattern lit \"c\"\n"
      "    simple\n"
      "      word lit \"y\"\n"
      "  item ;;\n"
      "    pattern lit \"*\"\n" },
    { "case w in esac",
      "case lit \"w\"\n" },
    { "case w in a) x\nesac",
      "case lit \"w\"\n"
      "  item ;;\n"
      "    pattern lit \"a\"\n"
      "    simple\n"
      "      word lit \"x\"\n" },
    { "case esac in (esac) echo;; esac",
      "case lit \"esac\"\n"
      "  item ;;\n"
      "    pattern lit \"esac\"\n"
      "    simple\n"
      "      word lit \"echo\"\n" },
    { "case $x in\n  a)\n  ;;\nesac",
      "case param x\n"
      "  item ;;\n"
      "    pattern lit \"a\"\n" },
    { "while a; b; do c; done",
      "while\n"
      "  cond\n"
      "    seq\n"
      "      simple\n"
      "        word lit \"a\"\n"
      "      simple\n"
      "        word lit \"b\"\n"
      "  do\n"
      "    simple\n"
      "      word lit \"c\"\n" },
    { "until a\ndo c\ndone",
      "until\n"
      "  cond\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  do\n"
      "    simple\n"
      "      word lit \"c\"\n" },
    { "f() { a; } 2>err",
      "function f\n"
      "  group\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "    redir 2> lit \"err\"\n" },
    { "f()\n{ a; }",
      "function f\n"
      "  group\n"
      "    simple\n"
      "      word lit \"a\"\n" },
    { "f() (a)",
      "function f\n"
      "  subshell\n"
      "    simple\n"
      "      word lit \"a\"\n" },
    { "if a\nthen b\nfi >out",
      "if\n"
      "  cond\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  then\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "  redir 1> lit \"out\"\n" },
    { "if a; then b; elif c; then d; elif e; then g; else h; fi",
      "if\n"
      "  cond\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  then\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "  else\n"
      "    if\n"
      "      cond\n"
      "        simple\n"
      "          word lit \"c\"\n"
      "      then\n"
      "        simple\n"
      "          word lit \"d\"\n"
      "      else\n"
      "        if\n"
      "          cond\n"
      "            simple\n"
      "              word lit \"e\"\n"
      "          then\n"
      "            simple\n"
      "              word lit \"g\"\n"
      "          else\n"
      "            simple\n"
      "              word lit \"h\"\n" },
    { "{ a; b; } <in",
      "group\n"
      "  seq\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "  redir 0< lit \"in\"\n" },
    { "{ a & }",
      "group\n"
      "  background\n"
      "    simple\n"
      "      word lit \"a\"\n" },
    { "(a) | (b)",
      "pipeline\n"
      "  subshell\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  subshell\n"
      "    simple\n"
      "      word lit \"b\"\n" },
    { "(a; b) &",
      "background\n"
      "  subshell\n"
      "    seq\n"
      "      simple\n"
      "        word lit \"a\"\n"
      "      simple\n"
      "        word lit \"b\"\n" },
    { "echo }",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"}\"\n" },
    { "echo { a }",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"{\"\n"
      "  word lit \"a\"\n"
      "  word lit \"}\"\n" },
    { "cat 2>&1 >&- 3<file <>f >|g >>h <&0 9>x",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 2>& lit \"1\"\n"
      "  redir 1>& lit \"-\"\n"
      "  redir 3< lit \"file\"\n"
      "  redir 0<> lit \"f\"\n"
      "  redir 1>| lit \"g\"\n"
      "  redir 1>> lit \"h\"\n"
      "  redir 0<& lit \"0\"\n"
      "  redir 9> lit \"x\"\n" },
    { ">a cat <b c 2>d",
      "simple\n"
      "  word lit \"cat\"\n"
      "  word lit \"c\"\n"
      "  redir 1> lit \"a\"\n"
      "  redir 0< lit \"b\"\n"
      "  redir 2> lit \"d\"\n" },
    { "a && \nb",
      "and\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n" },
    { "a |\n\n b",
      "pipeline\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n" },
    { "a ||\nb",
      "or\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n" },
    { "echo if then else fi do done esac in { } !",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"if\"\n"
      "  word lit \"then\"\n"
      "  word lit \"else\"\n"
      "  word lit \"fi\"\n"
      "  word lit \"do\"\n"
      "  word lit \"done\"\n"
      "  word lit \"esac\"\n"
      "  word lit \"in\"\n"
      "  word lit \"{\"\n"
      "  word lit \"}\"\n"
      "  word lit \"!\"\n" },
    { "cat <<'EOF'\n$x\nEOF",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<<q sq \"$x\\n\"\n" },
    { "cat <<E1 <<-E2; echo x\nbody1\nE1\n\t\tbody2\n\tE2",
      "seq\n"
      "  simple\n"
      "    word lit \"cat\"\n"
      "    redir 0<< dq[sq \"body1\\n\"]\n"
      "    redir 0<< dq[sq \"body2\\n\"]\n"
      "  simple\n"
      "    word lit \"echo\"\n"
      "    word lit \"x\"\n" },
    { "cat <<\"E\"\n\\$x\nE",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<<q sq \"\\\\$x\\n\"\n" },
    { "cat <<\\E\n$x\nE",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<<q sq \"$x\\n\"\n" },
    { "cat <<E\n\\$x \\\\ \\\" `a` $(b) $((1))\nE",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<< dq[sq \"$x \\\\ \\\\\\\" \" cmdsub{\n"
      "    simple\n"
      "      word lit \"a\"\n"
      "  } sq \" \" cmdsub{\n"
      "    simple\n"
      "      word lit \"b\"\n"
      "  } sq \" \" arith[sq \"1\"] sq \"\\n\"]\n" },
    { "cat <<E\nE",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<< dq[]\n" },
    { "cat <<E\nno end",
      "simple\n"
      "  word lit \"cat\"\n"
      "  redir 0<< dq[sq \"no end\\n\"]\n" },
    { "echo `echo \\`echo hi\\``",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    simple\n"
      "      word lit \"echo\"\n"
      "      word cmdsub{\n"
      "        simple\n"
      "          word lit \"echo\"\n"
      "          word lit \"hi\"\n"
      "      }\n"
      "  }\n" },
    { "echo $( (a) )",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    subshell\n"
      "      simple\n"
      "        word lit \"a\"\n"
      "  }\n" },
    { "echo $()",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{}\n" },
    { "echo $(a; b\nc)",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    seq\n"
      "      simple\n"
      "        word lit \"a\"\n"
      "      seq\n"
      "        simple\n"
      "          word lit \"b\"\n"
      "        simple\n"
      "          word lit \"c\"\n"
      "  }\n" },
    { "echo \"$(echo \"in\")\"",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word dq[cmdsub{\n"
      "    simple\n"
      "      word lit \"echo\"\n"
      "      word dq[sq \"in\"]\n"
      "  }]\n" },
    { "echo $(cat <<X\nq\nX\n)",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    simple\n"
      "      word lit \"cat\"\n"
      "      redir 0<< dq[sq \"q\\n\"]\n"
      "  }\n" },
    { "echo $(case y in y) echo yes;; esac) after",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    case lit \"y\"\n"
      "      item ;;\n"
      "        pattern lit \"y\"\n"
      "        simple\n"
      "          word lit \"echo\"\n"
      "          word lit \"yes\"\n"
      "  }\n"
      "  word lit \"after\"\n" },
    { "echo $(case y in (y) echo $(case z in z) echo;; esac);; esac)",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word cmdsub{\n"
      "    case lit \"y\"\n"
      "      item ;;\n"
      "        pattern lit \"y\"\n"
      "        simple\n"
      "          word lit \"echo\"\n"
      "          word cmdsub{\n"
      "            case lit \"z\"\n"
      "              item ;;\n"
      "                pattern lit \"z\"\n"
      "                simple\n"
      "                  word lit \"echo\"\n"
      "          }\n"
      "  }\n" },
    { "echo ${x:-$(echo \"a b\")} \"${y:=`q`}\"",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word param{x :- cmdsub{\n"
      "    simple\n"
      "      word lit \"echo\"\n"
      "      word dq[sq \"a b\"]\n"
      "  }}\n"
      "  word dq[param{y := cmdsub{\n"
      "    simple\n"
      "      word lit \"q\"\n"
      "  }}]\n" },
    { "echo a#b # comment",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"a#b\"\n" },
    { "# only a comment\necho x",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"x\"\n" },
    { "a\n\nb",
      "seq\n"
      "  simple\n"
      "    word lit \"a\"\n"
      "  simple\n"
      "    word lit \"b\"\n" },
    { "echo \"a\nb\" 'c\nd'",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word dq[sq \"a\\nb\"]\n"
      "  word sq \"c\\nd\"\n" },
    { "echo \\\ngo",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word lit \"go\"\n" },
    { "x=$((1 + $y * (2)))",
      "simple\n"
      "  assign lit \"x=\" arith[sq \"1 + \" param y sq \" * (2)\"]\n" },
    { "echo ${x/y} \"${#:a}\" ${}",
      "simple\n"
      "  word lit \"echo\"\n"
      "  word param{bad x lit \"/y\"}\n"
      "  word dq[param{bad #: sq \"a\"}]\n"
      "  word param{bad }\n" },
};

/* ast_dump of N into a heap string (open_memstream is POSIX 2008). */
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

/* Parse all of SRC; the dump, or "ERROR" (heap string). */
static char *parse_dump(const char *src, parse_alias_fn *alias)
{
    struct parser *p = parser_new_string(src);
    struct arena *a = arena_new();
    struct node *n = NULL;
    if (alias != NULL)
        parser_set_alias(p, alias, NULL);
    enum parse_status st = parser_all(p, a, &n);
    char *out = st == PARSE_OK ? dump_text(n) : strdup("ERROR");
    arena_unref(a);
    parser_free(p);
    return out;
}

static void test_dumps(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dump_cases / sizeof *dump_cases; i++) {
        char *got = parse_dump(dump_cases[i].src, NULL);
        if (strcmp(got, dump_cases[i].dump) != 0)
            print_error("input: %s\n", dump_cases[i].src);
        assert_string_equal(got, dump_cases[i].dump);
        free(got);
    }
}

/* parse, ast_text, parse again: the same tree (here-documents excepted). */
static void test_text_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dump_cases / sizeof *dump_cases; i++) {
        if (strstr(dump_cases[i].src, "<<") != NULL)
            continue;
        struct parser *p = parser_new_string(dump_cases[i].src);
        struct arena *a = arena_new();
        struct node *n;
        assert_int_equal(parser_all(p, a, &n), PARSE_OK);
        struct strbuf sb = STRBUF_INIT;
        ast_text(&sb, n);
        char *again = parse_dump(sb_str(&sb), NULL);
        if (strcmp(again, dump_cases[i].dump) != 0)
            print_error("input: %s\ntext: %s\n", dump_cases[i].src, sb_str(&sb));
        assert_string_equal(again, dump_cases[i].dump);
        free(again);
        sb_free(&sb);
        arena_unref(a);
        parser_free(p);
    }
}

static void expect_error(const char *src)
{
    char *got = parse_dump(src, NULL);
    if (strcmp(got, "ERROR") != 0)
        print_error("input: %s\n", src);
    assert_string_equal(got, "ERROR");
    free(got);
}

static void test_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "echo )", "| x", "if true; then fi", ";;", "if true; then", "echo 'abc",
        "echo \"abc", "( a", "{ a; ", "{ }", "( )", "a &&", "a |", "while a; do b",
        "for 1 in a; do b; done", "for x in a b )", "case x in a) b", "case x a) b;; esac",
        "echo >", "echo > ;", "2>", "f-g() { a; }", "f() a", "a && || b", "& a", "a ;; b",
        "echo ${x", "echo ${)", "echo $((1+2)", "echo $(a", "echo `a", "then", "fi", "done",
        "esac", "}", "if a; then b; else fi", "a; ; b", "cat <<", "x() ", "echo ${x:y",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        expect_error(bad[i]);
}

/* A reader that serves fixed lines and records the continuation flags. */
struct lines {
    const char *const *line;
    int next;
    bool cont[32];
};

static const char *lines_read(void *ctx, bool continuation, size_t *len)
{
    struct lines *l = ctx;
    if (l->line[l->next] == NULL)
        return NULL;
    l->cont[l->next] = continuation;
    *len = strlen(l->line[l->next]);
    return l->line[l->next++];
}

/* A reader whose one "line" is what readline gives back for a recalled
 * multi-line history entry (newlines inside), handed out as the first
 * *LEN bytes of a longer string that must not be read. */
static const char *recalled_read(void *ctx, bool continuation, size_t *len)
{
    (void)continuation;
    bool *done = ctx;
    static const char text[] = "for i in 1 2\ndo echo $i\ndone\nNOT PART OF THE LINE";
    if (*done)
        return NULL;
    *done = true;
    *len = strlen(text) - strlen("NOT PART OF THE LINE");
    return text;
}

static void test_reader_line_with_newlines(void **state)
{
    (void)state;
    bool done = false;
    struct parser *p = parser_new(recalled_read, &done);
    struct arena *a = arena_new();
    struct node *n;
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_non_null(n);
    assert_int_equal(n->kind, N_FOR);
    assert_int_equal(parser_next(p, a, &n), PARSE_EOF);     /* nothing past *len */
    arena_unref(a);
    parser_free(p);
}

static void test_incomplete_input(void **state)
{
    (void)state;
    static const char *const text[] = {
        "if true\n", "then echo 'a\n", "b' |\n", "wc && \\\n", "x\n", "fi\n",
        "echo \"$(\n", "date)\"; cat <<E\n", "body\n", "E\n", "\n", "last\n", NULL
    };
    static const bool want[] = {
        false, true, true, true, true, true, false, true, true, true, false, false
    };
    struct lines l = { text, 0, { false } };
    struct parser *p = parser_new(lines_read, &l);
    struct arena *a = arena_new();
    struct node *n;
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_int_equal(n->kind, N_IF);
    assert_int_equal(l.next, 6);                /* nothing read beyond "fi" */
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_int_equal(n->kind, N_SEQ);
    assert_int_equal(l.next, 10);
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_null(n);                             /* the blank line */
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_int_equal(parser_line(p), 12);
    assert_int_equal(parser_next(p, a, &n), PARSE_EOF);
    for (int i = 0; i < 12; i++)
        assert_int_equal(l.cont[i], want[i]);
    arena_unref(a);
    parser_free(p);
}

/* After an error the rest of the line is skipped and parsing goes on. */
static void test_error_recovery(void **state)
{
    (void)state;
    struct parser *p = parser_new_string("echo a\nfi x y\necho ) z\n'open\nquote' ok\necho b");
    struct arena *a = arena_new();
    struct node *n;
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_int_equal(parser_next(p, a, &n), PARSE_ERROR);
    assert_null(n);
    assert_int_equal(parser_line(p), 2);
    assert_int_equal(parser_next(p, a, &n), PARSE_ERROR);
    assert_int_equal(parser_line(p), 3);
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);  /* a quote spanning lines */
    assert_int_equal(parser_next(p, a, &n), PARSE_OK);
    assert_int_equal(n->kind, N_SIMPLE);
    assert_string_equal(n->u.simple.words->parts->u.text, "echo");
    assert_int_equal(parser_next(p, a, &n), PARSE_EOF);
    assert_int_equal(parser_next(p, a, &n), PARSE_EOF);
    arena_unref(a);
    parser_free(p);
}

/* Interactive errors show a caret; the result is the same PARSE_ERROR. */
static void test_interactive_error(void **state)
{
    (void)state;
    struct parser *p = parser_new_string("echo ok; )\n");
    struct arena *a = arena_new();
    struct node *n;
    parser_set_interactive(p, true);
    assert_int_equal(parser_next(p, a, &n), PARSE_ERROR);
    assert_int_equal(parser_next(p, a, &n), PARSE_EOF);
    arena_unref(a);
    parser_free(p);
}

static const char *test_alias(void *ctx, const char *name)
{
    static const char *const table[][2] = {
        { "ll", "ls -l" }, { "e", "echo " }, { "a", "b" }, { "b", "a" }, { "self", "self x" },
        { "say", "echo hi" }, { "mk", "if" }, { "two", "echo 1; echo 2" }, { NULL, NULL }
    };
    (void)ctx;
    for (int i = 0; table[i][0] != NULL; i++)
        if (strcmp(table[i][0], name) == 0)
            return table[i][1];
    return NULL;
}

static void expect_alias(const char *src, const char *want)
{
    char *got = parse_dump(src, test_alias);
    if (strcmp(got, want) != 0)
        print_error("input: %s\n", src);
    assert_string_equal(got, want);
    free(got);
}

static void test_aliases(void **state)
{
    (void)state;
    expect_alias("ll -a", "simple\n  word lit \"ls\"\n  word lit \"-l\"\n  word lit \"-a\"\n");
    expect_alias("e ll", "simple\n  word lit \"echo\"\n  word lit \"ls\"\n  word lit \"-l\"\n");
    expect_alias("echo ll", "simple\n  word lit \"echo\"\n  word lit \"ll\"\n");
    expect_alias("'ll'", "simple\n  word sq \"ll\"\n");
    expect_alias("a", "simple\n  word lit \"a\"\n");             /* a -> b -> a stops */
    expect_alias("self", "simple\n  word lit \"self\"\n  word lit \"x\"\n");
    expect_alias("mk say; then say; fi",
                 "if\n  cond\n    simple\n      word lit \"echo\"\n      word lit \"hi\"\n"
                 "  then\n    simple\n      word lit \"echo\"\n      word lit \"hi\"\n");
    expect_alias("x | ll", "pipeline\n  simple\n    word lit \"x\"\n"
                 "  simple\n    word lit \"ls\"\n    word lit \"-l\"\n");
    expect_alias("two", "seq\n  simple\n    word lit \"echo\"\n    word lit \"1\"\n"
                 "  simple\n    word lit \"echo\"\n    word lit \"2\"\n");
    /* without parser_set_alias nothing is substituted */
    char *got = parse_dump("ll", NULL);
    assert_string_equal(got, "simple\n  word lit \"ll\"\n");
    free(got);
}

static char *repeat(const char *s, int n)
{
    size_t len = strlen(s);
    char *out = malloc(len * (size_t)n + 1);
    for (int i = 0; i < n; i++)
        memcpy(out + len * (size_t)i, s, len);
    out[len * (size_t)n] = '\0';
    return out;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    static const char *const opens[] = { "(", "{ ", "$(", "\"${x-", "if ", "for x in a; do " };
    for (size_t i = 0; i < sizeof opens / sizeof *opens; i++) {
        char *deep = repeat(opens[i], 10000);
        expect_error(deep);
        free(deep);
    }
    char *ok = repeat("(", 200);
    char *close = repeat(")", 200);
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%sx%s", ok, close);
    char *got = parse_dump(sb_str(&sb), NULL);
    assert_string_not_equal(got, "ERROR");
    free(got);
    sb_free(&sb);
    free(ok);
    free(close);
}

/* Random bytes (no NUL) never crash the parser; every call terminates. */
static void test_garbage(void **state)
{
    (void)state;
    static const char alphabet[] = "ab $(){}|&;<>'\"`\\\n#=!*?-:%}0129\t\x80\xff";
    char buf[300];
    unsigned seed = 42;
    for (int round = 0; round < 300; round++) {
        for (size_t i = 0; i < sizeof buf - 1; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        buf[sizeof buf - 1] = '\0';
        struct parser *p = parser_new_string(buf);
        struct arena *a = arena_new();
        struct node *n;
        int calls = 0;
        while (parser_next(p, a, &n) != PARSE_EOF && ++calls < 1000)
            if (n != NULL)
                free(dump_text(n));
        assert_true(calls < 1000);
        arena_unref(a);
        parser_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dumps),
        cmocka_unit_test(test_text_round_trip),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_incomplete_input),
        cmocka_unit_test(test_reader_line_with_newlines),
        cmocka_unit_test(test_error_recovery),
        cmocka_unit_test(test_interactive_error),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
