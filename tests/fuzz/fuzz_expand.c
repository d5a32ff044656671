/*
 * fuzz_expand.c -- libFuzzer target: arbitrary bytes parsed, then every
 * word of the tree expanded (parameters, arithmetic, field splitting,
 * patterns, here-documents, quote removal) without running anything.
 *
 * Owns: nothing but the harness.  Never: forks; command substitution is
 * a stub that produces no output (minish_fuzz_cmdsub below).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "expand.h"
#include "parser.h"
#include "shell.h"
#include "vars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct shell sh;
static int initialised;

/* $(...) and `...`: no child, no output, success. */
static int minish_fuzz_cmdsub(struct shell *s, struct node *n, struct strbuf *out)
{
    (void)s;
    (void)n;
    (void)out;
    return 0;
}

static void expand_list(struct arena *a, const struct word *w, unsigned flags)
{
    for (; w != NULL; w = w->next)
        (void)expand_word(&sh, a, w, flags);
}

static void walk(struct arena *a, const struct node *n);

static void walk_redirs(struct arena *a, const struct redir *r)
{
    for (; r != NULL; r = r->next) {
        if (r->op == R_HEREDOC)
            (void)expand_heredoc(&sh, a, r);
        else
            (void)expand_word(&sh, a, r->target, 0);
    }
}

static void walk_simple(struct arena *a, const struct node *n)
{
    char **argv = NULL;
    size_t argc = 0;
    expand_list(a, n->u.simple.assigns, EXP_ASSIGN);
    (void)expand_words(&sh, a, n->u.simple.words, &argv, &argc);
}

static void walk_for(struct arena *a, const struct node *n)
{
    char **argv = NULL;
    size_t argc = 0;
    (void)expand_words(&sh, a, n->u.for_.words, &argv, &argc);
    walk(a, n->u.for_.body);
}

static void walk_case(struct arena *a, const struct node *n)
{
    (void)expand_word(&sh, a, n->u.case_.subject, 0);
    for (const struct case_item *i = n->u.case_.items; i != NULL; i = i->next) {
        expand_list(a, i->patterns, EXP_PATTERN);
        walk(a, i->body);
    }
}

static void walk(struct arena *a, const struct node *n)
{
    if (n == NULL)
        return;
    sh.jump = JUMP_NONE;        /* ${x?} and set -u ask a script to end: go on regardless */
    walk_redirs(a, n->redirs);
    switch (n->kind) {
    case N_SIMPLE:      walk_simple(a, n); break;
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
    case N_FOR:         walk_for(a, n); break;
    case N_CASE:        walk_case(a, n); break;
    case N_FUNCDEF:     walk(a, n->u.func.body); break;
    }
}

static void fresh_vars(void)
{
    vars_free(sh.vars);
    sh.vars = vars_new();
    vars_set(sh.vars, "IFS", " \t\n", 0);
    vars_set(sh.vars, "x", "a b  c", 0);
    vars_set(sh.vars, "n", "42", 0);
    vars_set(sh.vars, "e", "", 0);
    vars_set(sh.vars, "g", "*.[ch] ?", 0);
    vars_set(sh.vars, "X", "a[$(touch /tmp/pwned)]", 0);
    vars_set(sh.vars, "r", "ro", VAR_READONLY);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!initialised) {
        static char *params[] = {"one", "two words", "", NULL};
        shell_init(&sh, NULL);
        shell_set_params(&sh, params, 3);
        initialised = 1;
    }
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    fresh_vars();
    sh.ops.cmdsub = minish_fuzz_cmdsub;
    sh.opt.nounset = size > 0 && data[0] == 'u';
    /* no pathname expansion of patterns with a slash: they could walk the whole disk */
    sh.opt.noglob = memchr(data, '/', size) != NULL;
    struct parser *p = parser_new_string(text);
    struct arena *a = arena_new();
    struct node *tree = NULL;
    if (parser_all(p, a, &tree) == PARSE_OK)
        walk(a, tree);
    arena_unref(a);
    parser_free(p);
    free(text);
    return 0;
}
