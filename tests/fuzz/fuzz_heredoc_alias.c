/*
 * fuzz_heredoc_alias.c -- libFuzzer target: the alias and here-document
 * paths of the parser, then every here-document body expanded.
 *
 * The input is ALIASES \x01 SCRIPT.  ALIASES holds one NAME=TEXT per line
 * ("\n" in TEXT stands for a newline, so an alias can hold a here-document);
 * without a \x01 the whole input is the script and a fixed table is used
 * (aliases to keywords, braces, parentheses, `;;`, nothing, a here-document,
 * a blank-ended alias, a self-reference).  The script is parsed one command
 * at a time as a script is, with alias substitution on; after a syntax error
 * the parser goes on with the next line, as an interactive shell does.
 *
 * Owns: nothing but the harness.  Never: forks; command substitution is a
 * stub that produces no output.  Built by tests/fuzz/build.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "expand.h"
#include "funcs.h"
#include "parser.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct shell sh;
static int initialised;

static const char *const default_aliases[][2] = {
    {"e", "echo "}, {"c", "cat <<E\nbody $x\nE\n"}, {"n", ""}, {"lb", "{"},
    {"rb", "}"}, {"fi_", "fi"}, {"if_", "if true; then"}, {"lp", "("}, {"rp", ")"},
    {"dd", ";;"}, {"self", "self x"}, {"two", "e e "}, {"hd", "cat <<-'T'\n\tq\n\tT"},
    {"semi", "echo a;"}, {"amp", "&&"},
};

static int cmdsub_stub(struct shell *s, struct node *n, struct strbuf *out)
{
    (void)s;
    (void)n;
    (void)out;
    return 0;
}

static const char *lookup(void *ctx, const char *name)
{
    return alias_get(ctx, name);
}

/* NAME=TEXT lines of [S, END) into T; "\n" in TEXT becomes a newline. */
static void load_aliases(struct alias_table *t, const char *s, const char *end)
{
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (eol == NULL)
            eol = end;
        const char *eq = memchr(s, '=', (size_t)(eol - s));
        if (eq != NULL && eq > s) {
            char *name = strndup(s, (size_t)(eq - s));
            struct strbuf v = STRBUF_INIT;
            for (const char *p = eq + 1; p < eol; p++) {
                if (p[0] == '\\' && p + 1 < eol && p[1] == 'n') {
                    sb_putc(&v, '\n');
                    p++;
                } else {
                    sb_putc(&v, *p);
                }
            }
            if (name != NULL)
                alias_set(t, name, sb_str(&v));
            free(name);
            sb_free(&v);
        }
        s = eol + 1;
    }
}

static void walk(struct arena *a, const struct node *n);

static void walk_redirs(struct arena *a, const struct redir *r)
{
    for (; r != NULL; r = r->next)
        if (r->op == R_HEREDOC)
            (void)expand_heredoc(&sh, a, r);
}

static void walk(struct arena *a, const struct node *n)
{
    if (n == NULL)
        return;
    sh.jump = JUMP_NONE;
    walk_redirs(a, n->redirs);
    switch (n->kind) {
    case N_SIMPLE:      break;
    case N_PIPELINE:
        for (size_t i = 0; i < n->u.pipeline.nstages; i++)
            walk(a, n->u.pipeline.stages[i]);
        break;
    case N_AND: case N_OR: case N_SEQ:
        walk(a, n->u.binary.left);
        walk(a, n->u.binary.right);
        break;
    case N_BACKGROUND: case N_SUBSHELL: case N_GROUP:
        walk(a, n->u.group.body);
        break;
    case N_IF:
        walk(a, n->u.if_.cond);
        walk(a, n->u.if_.then);
        walk(a, n->u.if_.els);
        break;
    case N_WHILE: case N_UNTIL:
        walk(a, n->u.loop.cond);
        walk(a, n->u.loop.body);
        break;
    case N_FOR:         walk(a, n->u.for_.body); break;
    case N_CASE:
        for (const struct case_item *i = n->u.case_.items; i != NULL; i = i->next)
            walk(a, i->body);
        break;
    case N_FUNCDEF:     walk(a, n->u.func.body); break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!initialised) {
        static char *params[] = {"one", "two words", NULL};
        shell_init(&sh, NULL);
        shell_set_params(&sh, params, 2);
        vars_set(sh.vars, "x", "a b", 0);
        sh.ops.cmdsub = cmdsub_stub;
        initialised = 1;
    }
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t len = strlen(text);      /* the parser stops at a NUL anyway */
    struct alias_table *aliases = alias_new();
    const char *script = text;
    char *sep = memchr(text, '\x01', len);
    if (sep != NULL) {
        load_aliases(aliases, text, sep);
        script = sep + 1;
    } else {
        for (size_t i = 0; i < sizeof default_aliases / sizeof default_aliases[0]; i++)
            alias_set(aliases, default_aliases[i][0], default_aliases[i][1]);
    }
    struct parser *p = parser_new_string(script);
    parser_set_alias(p, lookup, aliases);
    for (int guard = 0; guard < 10000; guard++) {
        struct arena *a = arena_new();
        struct node *tree = NULL;
        enum parse_status st = parser_next(p, a, &tree);
        if (st == PARSE_OK && tree != NULL) {
            struct strbuf sb = STRBUF_INIT;
            ast_text(&sb, tree);
            sb_free(&sb);
            walk(a, tree);
        }
        arena_unref(a);
        if (st == PARSE_EOF)
            break;
    }
    parser_free(p);
    alias_free(aliases);
    free(text);
    return 0;
}
