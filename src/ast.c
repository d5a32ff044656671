/*
 * ast.c -- the command tree: constructors, the `--ast` dump, and turning a
 * tree back into shell text.
 *
 * Owns: the dump format (docs/grammar.md shows it) and re-quoting.
 * Never: parses, expands or runs anything.
 */
#include "ast.h"

#include <string.h>

/* ==== Constructors ==== */

struct node *ast_node(struct arena *a, enum node_kind kind, struct src_pos pos)
{
    /* memset of a constant size is inlined by the compiler: cheaper than
     * arena_zalloc's call; the whole object (every union member) is zero */
    struct node *n = memset(arena_alloc(a, sizeof *n), 0, sizeof *n);
    n->kind = kind;
    n->pos = pos;
    return n;
}

struct word *ast_word(struct arena *a, struct src_pos pos)
{
    struct word *w = memset(arena_alloc(a, sizeof *w), 0, sizeof *w);  /* as in ast_node */
    w->pos = pos;
    return w;
}

struct wpart *ast_wpart(struct arena *a, enum wpart_kind kind)
{
    struct wpart *wp = memset(arena_alloc(a, sizeof *wp), 0, sizeof *wp);  /* as in ast_node */
    wp->kind = kind;
    return wp;
}

/* ==== Dump ==== */

static void dump_node(struct strbuf *sb, const struct node *n, int indent);
static void dump_parts(struct strbuf *sb, const struct wpart *wp, int indent);

static const char *const param_ops[] = {
    [PO_NONE] = "", [PO_DEFAULT] = "-", [PO_ASSIGN] = "=", [PO_ERROR] = "?",
    [PO_ALT] = "+", [PO_LENGTH] = "#", [PO_RM_SSUFFIX] = "%", [PO_RM_LSUFFIX] = "%%",
    [PO_RM_SPREFIX] = "#", [PO_RM_LPREFIX] = "##", [PO_BAD] = "",
};

static const char *const redir_ops[] = {
    [R_IN] = "<", [R_OUT] = ">", [R_CLOBBER] = ">|", [R_APPEND] = ">>",
    [R_RDWR] = "<>", [R_DUP_IN] = "<&", [R_DUP_OUT] = ">&", [R_HEREDOC] = "<<",
};

static void indent_to(struct strbuf *sb, int indent)
{
    for (int i = 0; i < indent; i++)
        sb_puts(sb, "  ");
}

/* TEXT in double quotes with C escapes, so blanks and newlines are visible. */
static void dump_string(struct strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            sb_printf(sb, "\\%c", c);
        else if (c == '\n')
            sb_puts(sb, "\\n");
        else if (c == '\t')
            sb_puts(sb, "\\t");
        else if (c < 0x20 || c >= 0x7f)
            sb_printf(sb, "\\x%02x", c);
        else
            sb_putc(sb, (char)c);
    }
    sb_putc(sb, '"');
}

/* param b   or   param{x :- lit "w"} */
static void dump_param(struct strbuf *sb, const struct wpart *wp, int indent)
{
    if (wp->u.param.op == PO_NONE) {
        sb_printf(sb, "param %s", wp->u.param.name);
        return;
    }
    if (wp->u.param.op == PO_LENGTH) {
        sb_printf(sb, "param{#%s}", wp->u.param.name);
        return;
    }
    if (wp->u.param.op == PO_BAD)
        sb_printf(sb, "param{bad %s", wp->u.param.name);
    else
        sb_printf(sb, "param{%s %s%s", wp->u.param.name, wp->u.param.colon ? ":" : "",
                  param_ops[wp->u.param.op]);
    if (wp->u.param.arg != NULL) {
        sb_putc(sb, ' ');
        dump_parts(sb, wp->u.param.arg, indent);
    }
    sb_putc(sb, '}');
}

/* cmdsub{ <the nested tree, indented below> } */
static void dump_cmdsub(struct strbuf *sb, const struct node *cmd, int indent)
{
    if (cmd == NULL) {
        sb_puts(sb, "cmdsub{}");
        return;
    }
    sb_puts(sb, "cmdsub{\n");
    dump_node(sb, cmd, indent + 1);
    indent_to(sb, indent);
    sb_putc(sb, '}');
}

static void dump_part(struct strbuf *sb, const struct wpart *wp, int indent)
{
    switch (wp->kind) {
    case WP_LITERAL:
        sb_puts(sb, "lit ");
        dump_string(sb, wp->u.text);
        break;
    case WP_QUOTED:
        sb_puts(sb, "sq ");
        dump_string(sb, wp->u.text);
        break;
    case WP_DQUOTED:
    case WP_ARITH:
        sb_puts(sb, wp->kind == WP_DQUOTED ? "dq[" : "arith[");
        dump_parts(sb, wp->u.inner, indent);
        sb_putc(sb, ']');
        break;
    case WP_PARAM:
        dump_param(sb, wp, indent);
        break;
    case WP_CMDSUB:
        dump_cmdsub(sb, wp->u.cmd, indent);
        break;
    }
}

static void dump_parts(struct strbuf *sb, const struct wpart *wp, int indent)
{
    for (; wp != NULL; wp = wp->next) {
        dump_part(sb, wp, indent);
        if (wp->next != NULL)
            sb_putc(sb, ' ');
    }
}

void ast_dump_word(struct strbuf *out, const struct word *w)
{
    dump_parts(out, w->parts, 0);
}

/* One line: "LABEL <parts>" */
static void dump_word_line(struct strbuf *sb, const char *label, const struct word *w,
                           int indent)
{
    indent_to(sb, indent);
    sb_printf(sb, "%s ", label);
    dump_parts(sb, w->parts, indent);
    sb_putc(sb, '\n');
}

static void dump_words(struct strbuf *sb, const char *label, const struct word *w, int indent)
{
    for (; w != NULL; w = w->next)
        dump_word_line(sb, label, w, indent);
}

/* redir 2>& lit "1"   (a quoted here-document shows "<<q") */
static void dump_redirs(struct strbuf *sb, const struct redir *r, int indent)
{
    for (; r != NULL; r = r->next) {
        indent_to(sb, indent);
        sb_printf(sb, "redir %d%s%s", r->fd, redir_ops[r->op], r->heredoc_quoted ? "q" : "");
        if (r->target != NULL) {
            sb_putc(sb, ' ');
            dump_parts(sb, r->target->parts, indent);
        }
        sb_putc(sb, '\n');
    }
}

/* A labelled child: "LABEL" then the node one level deeper. */
static void dump_section(struct strbuf *sb, const char *label, const struct node *n, int indent)
{
    indent_to(sb, indent);
    sb_printf(sb, "%s\n", label);
    if (n != NULL)
        dump_node(sb, n, indent + 1);
}

static void dump_case(struct strbuf *sb, const struct node *n, int indent)
{
    dump_word_line(sb, "case", n->u.case_.subject, indent);
    for (const struct case_item *ci = n->u.case_.items; ci; ci = ci->next) {
        indent_to(sb, indent + 1);
        sb_printf(sb, "item %s\n", ci->fallthrough ? ";&" : ";;");
        dump_words(sb, "pattern", ci->patterns, indent + 2);
        if (ci->body != NULL)
            dump_node(sb, ci->body, indent + 2);
    }
}

static void dump_for(struct strbuf *sb, const struct node *n, int indent)
{
    indent_to(sb, indent);
    sb_printf(sb, "for %s%s\n", n->u.for_.var, n->u.for_.has_in ? " in" : "");
    dump_words(sb, "word", n->u.for_.words, indent + 1);
    dump_section(sb, "do", n->u.for_.body, indent + 1);
}

static void dump_pipeline(struct strbuf *sb, const struct node *n, int indent)
{
    indent_to(sb, indent);
    sb_puts(sb, n->u.pipeline.negated ? "pipeline !\n" : "pipeline\n");
    for (size_t i = 0; i < n->u.pipeline.nstages; i++)
        dump_node(sb, n->u.pipeline.stages[i], indent + 1);
}

/* A node with a one-word label and its children in order. */
static void dump_simple_kind(struct strbuf *sb, const char *label, const struct node *a,
                             const struct node *b, int indent)
{
    indent_to(sb, indent);
    sb_printf(sb, "%s\n", label);
    if (a != NULL)
        dump_node(sb, a, indent + 1);
    if (b != NULL)
        dump_node(sb, b, indent + 1);
}

static void dump_node(struct strbuf *sb, const struct node *n, int indent)
{
    switch (n->kind) {
    case N_SIMPLE:
        indent_to(sb, indent);
        sb_puts(sb, "simple\n");
        dump_words(sb, "assign", n->u.simple.assigns, indent + 1);
        dump_words(sb, "word", n->u.simple.words, indent + 1);
        break;
    case N_PIPELINE: dump_pipeline(sb, n, indent); break;
    case N_AND: dump_simple_kind(sb, "and", n->u.binary.left, n->u.binary.right, indent); break;
    case N_OR: dump_simple_kind(sb, "or", n->u.binary.left, n->u.binary.right, indent); break;
    case N_SEQ: dump_simple_kind(sb, "seq", n->u.binary.left, n->u.binary.right, indent); break;
    case N_BACKGROUND: dump_simple_kind(sb, "background", n->u.group.body, NULL, indent); break;
    case N_SUBSHELL: dump_simple_kind(sb, "subshell", n->u.group.body, NULL, indent); break;
    case N_GROUP: dump_simple_kind(sb, "group", n->u.group.body, NULL, indent); break;
    case N_IF:
        indent_to(sb, indent);
        sb_puts(sb, "if\n");
        dump_section(sb, "cond", n->u.if_.cond, indent + 1);
        dump_section(sb, "then", n->u.if_.then, indent + 1);
        if (n->u.if_.els != NULL)
            dump_section(sb, "else", n->u.if_.els, indent + 1);
        break;
    case N_WHILE:
    case N_UNTIL:
        indent_to(sb, indent);
        sb_puts(sb, n->kind == N_WHILE ? "while\n" : "until\n");
        dump_section(sb, "cond", n->u.loop.cond, indent + 1);
        dump_section(sb, "do", n->u.loop.body, indent + 1);
        break;
    case N_FOR: dump_for(sb, n, indent); break;
    case N_CASE: dump_case(sb, n, indent); break;
    case N_FUNCDEF:
        indent_to(sb, indent);
        sb_printf(sb, "function %s\n", n->u.func.name);
        dump_node(sb, n->u.func.body, indent + 1);
        break;
    }
    dump_redirs(sb, n->redirs, indent + 1);
}

void ast_dump(FILE *out, const struct node *n)
{
    struct strbuf sb = STRBUF_INIT;
    if (n == NULL)
        sb_puts(&sb, "empty\n");
    else
        dump_node(&sb, n, 0);
    fputs(sb_str(&sb), out);
    sb_free(&sb);
}

/* ==== Shell text ==== */

/* 'TEXT' with each ' written as '\'' */
static void text_squoted(struct strbuf *sb, const char *s)
{
    sb_putc(sb, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            sb_puts(sb, "'\\''");
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '\'');
}

/* Text inside "...": \ before $ ` " \ keeps it plain. */
static void text_dq_escaped(struct strbuf *sb, const char *s, bool brace)
{
    for (; *s; s++) {
        if (strchr("$`\"\\", *s) != NULL || (brace && *s == '}'))
            sb_putc(sb, '\\');
        sb_putc(sb, *s);
    }
}

/* How the parts of one word are written in a quoting context. */
enum text_ctx { TX_WORD, TX_DQ, TX_ARITH };

static void text_parts(struct strbuf *sb, const struct wpart *wp, enum text_ctx ctx);

static bool starts_name_char(const struct wpart *wp)
{
    if (wp == NULL || (wp->kind != WP_LITERAL && wp->kind != WP_QUOTED))
        return false;
    char c = wp->u.text[0];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || c == '_';
}

static void text_param(struct strbuf *sb, const struct wpart *wp, enum text_ctx ctx)
{
    const char *name = wp->u.param.name;
    bool braces = wp->u.param.op != PO_NONE || (strlen(name) > 1 && name[0] >= '0' && name[0] <= '9');
    if (!braces && starts_name_char(wp->next) && (ctx != TX_WORD || wp->next->kind == WP_LITERAL))
        braces = true;
    if (!braces) {
        sb_printf(sb, "$%s", name);
        return;
    }
    if (wp->u.param.op == PO_LENGTH) {
        sb_printf(sb, "${#%s}", name);
        return;
    }
    sb_printf(sb, "${%s%s%s", name, wp->u.param.colon ? ":" : "", param_ops[wp->u.param.op]);
    text_parts(sb, wp->u.param.arg, ctx == TX_DQ ? TX_DQ : TX_WORD);
    sb_putc(sb, '}');
}

static void text_part(struct strbuf *sb, const struct wpart *wp, enum text_ctx ctx)
{
    switch (wp->kind) {
    case WP_LITERAL:
        sb_puts(sb, wp->u.text);
        break;
    case WP_QUOTED:
        if (ctx == TX_ARITH)
            sb_puts(sb, wp->u.text);
        else if (ctx == TX_DQ)
            text_dq_escaped(sb, wp->u.text, false);
        else
            text_squoted(sb, wp->u.text);
        break;
    case WP_DQUOTED:
        sb_putc(sb, '"');
        text_parts(sb, wp->u.inner, TX_DQ);
        sb_putc(sb, '"');
        break;
    case WP_PARAM:
        text_param(sb, wp, ctx);
        break;
    case WP_CMDSUB:
        sb_puts(sb, "$(");
        if (wp->u.cmd != NULL) {
            struct strbuf inner = STRBUF_INIT;
            ast_text(&inner, wp->u.cmd);
            if (sb_str(&inner)[0] == '(')
                sb_putc(sb, ' ');       /* "$( (a) )" must not read as "$((a))" */
            sb_puts(sb, sb_str(&inner));
            sb_free(&inner);
        }
        sb_putc(sb, ')');
        break;
    case WP_ARITH:
        sb_puts(sb, "$((");
        text_parts(sb, wp->u.inner, TX_ARITH);
        sb_puts(sb, "))");
        break;
    }
}

static void text_parts(struct strbuf *sb, const struct wpart *wp, enum text_ctx ctx)
{
    for (; wp != NULL; wp = wp->next)
        text_part(sb, wp, ctx);
}

void ast_word_text(struct strbuf *out, const struct word *w)
{
    text_parts(out, w->parts, TX_WORD);
}

static void text_words(struct strbuf *sb, const struct word *w, const char *sep, bool *first)
{
    for (; w != NULL; w = w->next) {
        if (!*first)
            sb_puts(sb, sep);
        *first = false;
        ast_word_text(sb, w);
    }
}

static void text_redirs(struct strbuf *sb, const struct redir *r, bool first)
{
    for (; r != NULL; r = r->next, first = false) {
        int deflt = (r->op == R_IN || r->op == R_RDWR || r->op == R_DUP_IN
                     || r->op == R_HEREDOC) ? 0 : 1;
        if (!first)
            sb_putc(sb, ' ');
        if (r->fd != deflt)
            sb_printf(sb, "%d", r->fd);
        sb_puts(sb, redir_ops[r->op]);
        if (r->op == R_HEREDOC) {
            sb_puts(sb, r->heredoc_quoted ? "'EOF'" : "EOF");  /* the body is not shown */
            continue;
        }
        if (r->op != R_DUP_IN && r->op != R_DUP_OUT)
            sb_putc(sb, ' ');
        if (r->target != NULL)
            ast_word_text(sb, r->target);
    }
}

/* A list inside { } or a do/then part: "a; b; " or "a & " */
static void text_body(struct strbuf *sb, const struct node *n)
{
    if (n == NULL)
        return;
    ast_text(sb, n);
    const struct node *last = n;
    while (last->kind == N_SEQ)
        last = last->u.binary.right;
    sb_puts(sb, last->kind == N_BACKGROUND ? " " : "; ");
}

static void text_case(struct strbuf *sb, const struct node *n)
{
    sb_puts(sb, "case ");
    ast_word_text(sb, n->u.case_.subject);
    sb_puts(sb, " in ");
    for (const struct case_item *ci = n->u.case_.items; ci; ci = ci->next) {
        bool first = true;
        sb_putc(sb, '(');               /* "(esac)" would otherwise end the case */
        text_words(sb, ci->patterns, " | ", &first);
        sb_puts(sb, ") ");
        if (ci->body != NULL)
            ast_text(sb, ci->body);
        sb_puts(sb, ci->fallthrough ? ";& " : ";; ");
    }
    sb_puts(sb, "esac");
}

static void text_if(struct strbuf *sb, const struct node *n, bool elif)
{
    sb_puts(sb, elif ? "elif " : "if ");
    text_body(sb, n->u.if_.cond);
    sb_puts(sb, "then ");
    text_body(sb, n->u.if_.then);
    const struct node *e = n->u.if_.els;
    if (e != NULL && e->kind == N_IF && e->redirs == NULL) {
        text_if(sb, e, true);
        return;
    }
    if (e != NULL) {
        sb_puts(sb, "else ");
        text_body(sb, e);
    }
    sb_puts(sb, "fi");
}

static void text_for(struct strbuf *sb, const struct node *n)
{
    sb_printf(sb, "for %s", n->u.for_.var);
    if (n->u.for_.has_in) {
        bool first = false;
        sb_puts(sb, " in");
        text_words(sb, n->u.for_.words, " ", &first);
    }
    sb_puts(sb, "; do ");
    text_body(sb, n->u.for_.body);
    sb_puts(sb, "done");
}

static void text_simple(struct strbuf *sb, const struct node *n)
{
    bool first = true;
    text_words(sb, n->u.simple.assigns, " ", &first);
    text_words(sb, n->u.simple.words, " ", &first);
    text_redirs(sb, n->redirs, first);
}

static void text_binary(struct strbuf *sb, const struct node *n, const char *op)
{
    ast_text(sb, n->u.binary.left);
    if (n->kind == N_SEQ && n->u.binary.left->kind == N_BACKGROUND)
        op = " ";       /* "a & b", not "a &; b" */
    sb_puts(sb, op);
    ast_text(sb, n->u.binary.right);
}

static void text_compound(struct strbuf *sb, const struct node *n)
{
    switch (n->kind) {
    case N_SUBSHELL:
        sb_putc(sb, '(');
        ast_text(sb, n->u.group.body);
        sb_putc(sb, ')');
        break;
    case N_GROUP:
        sb_puts(sb, "{ ");
        text_body(sb, n->u.group.body);
        sb_putc(sb, '}');
        break;
    case N_IF: text_if(sb, n, false); break;
    case N_WHILE:
    case N_UNTIL:
        sb_puts(sb, n->kind == N_WHILE ? "while " : "until ");
        text_body(sb, n->u.loop.cond);
        sb_puts(sb, "do ");
        text_body(sb, n->u.loop.body);
        sb_puts(sb, "done");
        break;
    case N_FOR: text_for(sb, n); break;
    case N_CASE: text_case(sb, n); break;
    default: break;
    }
    if (n->redirs != NULL) {
        sb_putc(sb, ' ');
        text_redirs(sb, n->redirs, true);
    }
}

void ast_text(struct strbuf *out, const struct node *n)
{
    switch (n->kind) {
    case N_SIMPLE: text_simple(out, n); break;
    case N_PIPELINE:
        if (n->u.pipeline.negated)
            sb_puts(out, "! ");
        for (size_t i = 0; i < n->u.pipeline.nstages; i++) {
            if (i > 0)
                sb_puts(out, " | ");
            ast_text(out, n->u.pipeline.stages[i]);
        }
        break;
    case N_AND: text_binary(out, n, " && "); break;
    case N_OR: text_binary(out, n, " || "); break;
    case N_SEQ: text_binary(out, n, "; "); break;
    case N_BACKGROUND:
        ast_text(out, n->u.group.body);
        sb_puts(out, " &");
        break;
    case N_FUNCDEF:
        sb_printf(out, "%s() ", n->u.func.name);
        ast_text(out, n->u.func.body);
        break;
    default: text_compound(out, n); break;
    }
}

/* ==== Graphviz (--ast=dot) ==== */

/* TEXT as the inside of a DOT "..." string. */
static void dot_escaped(struct strbuf *sb, const char *text)
{
    for (; *text; text++) {
        if (*text == '"' || *text == '\\')
            sb_putc(sb, '\\');
        sb_putc(sb, *text);
    }
}

static int dot_node(struct strbuf *sb, const struct node *n, int *next);
static void text_words(struct strbuf *sb, const struct word *w, const char *sep, bool *first);
static void text_redirs(struct strbuf *sb, const struct redir *r, bool first);

/* An edge from node FROM to a new node for CHILD (if any), labelled LABEL. */
static void dot_child(struct strbuf *sb, int from, const char *label, const struct node *child,
                      int *next)
{
    if (child == NULL)
        return;
    int to = dot_node(sb, child, next);
    sb_printf(sb, "  n%d -> n%d [label=\"%s\"];\n", from, to, label);
}

/* The box's text: the kind, and for a simple command its source text. */
static void dot_label(struct strbuf *sb, const struct node *n)
{
    static const char *const kinds[] = {
        "simple", "pipeline", "&&", "||", ";", "&", "( subshell )", "{ group }",
        "if", "while", "until", "for", "case", "function"};
    sb_puts(sb, n->kind == N_PIPELINE && n->u.pipeline.negated ? "! pipeline" : kinds[n->kind]);
    if (n->kind == N_CASE) {
        struct strbuf text = STRBUF_INIT;
        ast_word_text(&text, n->u.case_.subject);
        sb_puts(sb, "\\n");
        dot_escaped(sb, sb_str(&text));
        sb_free(&text);
    }
    if (n->kind == N_SIMPLE || n->kind == N_FOR || n->kind == N_FUNCDEF || n->redirs != NULL) {
        struct strbuf text = STRBUF_INIT;
        if (n->kind == N_FOR)
            sb_printf(&text, "%s", n->u.for_.var);
        else if (n->kind == N_FUNCDEF)
            sb_printf(&text, "%s()", n->u.func.name);
        else if (n->kind == N_SIMPLE)
            ast_text(&text, n);
        if (n->kind != N_SIMPLE && n->redirs != NULL) {     /* what --ast shows */
            if (text.len > 0)
                sb_putc(&text, ' ');
            text_redirs(&text, n->redirs, true);
        }
        sb_puts(sb, "\\n");
        dot_escaped(sb, sb_str(&text));
        sb_free(&text);
    }
}

/* Write N and everything under it; returns N's number. */
static int dot_node(struct strbuf *sb, const struct node *n, int *next)
{
    int me = (*next)++;
    sb_printf(sb, "  n%d [label=\"", me);
    dot_label(sb, n);
    sb_printf(sb, "\"%s];\n", n->kind == N_SIMPLE ? ", style=filled, fillcolor=lightyellow" : "");
    char label[32];
    switch (n->kind) {
    case N_PIPELINE:
        for (size_t i = 0; i < n->u.pipeline.nstages; i++) {
            snprintf(label, sizeof label, "stage %zu", i + 1);
            dot_child(sb, me, label, n->u.pipeline.stages[i], next);
        }
        break;
    case N_AND: case N_OR: case N_SEQ:
        dot_child(sb, me, "left", n->u.binary.left, next);
        dot_child(sb, me, "right", n->u.binary.right, next);
        break;
    case N_BACKGROUND: case N_SUBSHELL: case N_GROUP:
        dot_child(sb, me, "body", n->u.group.body, next);
        break;
    case N_IF:
        dot_child(sb, me, "cond", n->u.if_.cond, next);
        dot_child(sb, me, "then", n->u.if_.then, next);
        dot_child(sb, me, "else", n->u.if_.els, next);
        break;
    case N_WHILE: case N_UNTIL:
        dot_child(sb, me, "cond", n->u.loop.cond, next);
        dot_child(sb, me, "do", n->u.loop.body, next);
        break;
    case N_FOR: dot_child(sb, me, "do", n->u.for_.body, next); break;
    case N_CASE:
        for (const struct case_item *ci = n->u.case_.items; ci; ci = ci->next) {
            struct strbuf pat = STRBUF_INIT, lab = STRBUF_INIT;
            bool first = true;
            text_words(&pat, ci->patterns, " | ", &first);
            sb_puts(&pat, ci->fallthrough ? ") ;&" : ")");
            dot_escaped(&lab, sb_str(&pat));
            if (ci->body != NULL) {
                dot_child(sb, me, sb_str(&lab), ci->body, next);
            } else {            /* an empty item: still a pattern to show */
                int to = (*next)++;
                sb_printf(sb, "  n%d [label=\"(nothing)\"];\n  n%d -> n%d [label=\"%s\"];\n",
                          to, me, to, sb_str(&lab));
            }
            sb_free(&pat);
            sb_free(&lab);
        }
        break;
    case N_FUNCDEF: dot_child(sb, me, "body", n->u.func.body, next); break;
    case N_SIMPLE: break;
    }
    return me;
}

void ast_dump_dot(FILE *out, const struct node *n)
{
    struct strbuf sb = STRBUF_INIT;
    int next = 0;
    sb_puts(&sb, "digraph ast {\n  node [shape=box, fontname=\"monospace\"];\n");
    if (n != NULL)
        dot_node(&sb, n, &next);
    sb_puts(&sb, "}\n");
    fputs(sb_str(&sb), out);
    sb_free(&sb);
}
