/*
 * lexer.c -- turn shell text into tokens, asking the reader for one line at
 * a time and only when a character is needed (like Lua's llex over a ZIO).
 *
 * Owns: quoting (words are lists of parts that remember it), operators,
 *       IO_NUMBER, line:col positions, here-document bodies, alias texts.
 * Never: decides what a word means, expands it, or prints anything but a
 *        syntax error.  $(...) and `...` are parsed by the parser, called
 *        back through shared->subparse.
 */
#include "lexer.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

enum { LEX_EOF = -1 };

struct lex_alias {
    char *name, *text;          /* heap copies: the text may outlive one command */
    size_t pos;                 /* next character of TEXT */
    bool exhausted;             /* all read; popped when the next token starts */
    struct lex_alias *next;     /* the alias pushed before this one */
};

struct lex_heredoc {
    struct redir *r;            /* gets the body as its target */
    const char *delim;
    bool quoted, strip_tabs;
    struct lex_heredoc *next;
};

/* Where a run of characters ends, and what quoting applies inside it. */
enum lex_mode {
    M_WORD,         /* a word: ends at a blank, newline or operator */
    M_DQ,           /* "...": ends at '"' */
    M_BRACE,        /* ${x-word} outside quotes: ends at '}' */
    M_BRACE_DQ,     /* ${x-word} inside "...": ends at '}' */
    M_HEREDOC,      /* an unquoted here-document body: ends at the end of input */
    M_ARITH         /* $((...)): ends at the ')' that closes it */
};

/* A list of parts under construction; pending text accumulates in lx->sb. */
struct partbuf {
    struct wpart *head, **tail;
    enum wpart_kind text_kind;  /* what plain characters become: LITERAL or QUOTED */
    enum wpart_kind pend_kind;  /* kind of the text in lx->sb */
    bool pend_forced;           /* emit the pending part even if empty ('' and "") */
    int paren;                  /* M_ARITH: open parentheses */
};

static int lex_parts(struct lexer *lx, struct partbuf *pb, enum lex_mode mode);

/* ==== Reading characters ==== */

const char *lex_string_read(void *ctx, bool continuation, size_t *len)
{
    struct lex_string *s = ctx;
    (void)continuation;
    if (s->text[s->pos] == '\0')
        return NULL;
    const char *start = s->text + s->pos;
    const char *nl = strchr(start, '\n');
    *len = nl ? (size_t)(nl - start) + 1 : strlen(start);
    s->pos += *len;
    return start;       /* a pointer into the text: the line is *LEN bytes of it */
}


void lex_init(struct lexer *lx, lex_reader_fn *read, void *ctx, struct lex_shared *shared,
              int lineno)
{
    memset(lx, 0, sizeof *lx);
    lx->read = read;
    lx->read_ctx = ctx;
    lx->lineno = lineno;
    lx->shared = shared;
    lx->heredoc_tail = &lx->heredocs;
}

static void pop_alias(struct lexer *lx)
{
    struct lex_alias *al = lx->aliases;
    size_t n = strlen(al->text);
    if (n > 0 && (al->text[n - 1] == ' ' || al->text[n - 1] == '\t'))
        lx->after_blank_alias = true;
    lx->aliases = al->next;
    free(al->name);
    free(al->text);
    free(al);
}

void lex_free(struct lexer *lx)
{
    while (lx->aliases != NULL)
        pop_alias(lx);
    sb_free(&lx->sb);
    sb_free(&lx->nb);
}

void lex_start_command(struct lexer *lx)
{
    lx->started = false;
    /* at the prompt, lines are counted from the start of each command */
    if (lx->shared->interactive && lx->pos >= lx->len && lx->aliases == NULL)
        lx->lineno = 0;
}

/* Ask the reader for the next line.  Returns false at end of input. */
static bool fetch_line(struct lexer *lx)
{
    if (lx->eof)
        return false;
    size_t len = 0;
    const char *line = lx->read(lx->read_ctx, lx->started, &len);
    lx->started = true;
    if (line == NULL) {
        lx->eof = true;
        lx->line = NULL;
        lx->pos = lx->len = 0;
        return false;
    }
    lx->line = line;
    lx->pos = 0;
    lx->len = len;      /* the string may go on after it */
    lx->lineno++;
    return true;
}

/* The alias text characters come from now, or NULL. */
static struct lex_alias *live_alias(struct lexer *lx)
{
    for (struct lex_alias *al = lx->aliases; al != NULL; al = al->next) {
        if (al->exhausted)
            continue;
        if (al->text[al->pos] != '\0')
            return al;
        al->exhausted = true;   /* keep it until the next token: the recursion guard needs it */
    }
    return NULL;
}

/* Is TEXT[I] a backslash-newline (a line continuation)? */
static inline bool is_continuation(const char *text, size_t i, size_t len)
{
    return text[i] == '\\' && i + 1 < len && text[i + 1] == '\n';
}

/*
 * peek() when the fast path cannot answer: alias text, the next line, the
 * end of input, or a backslash-newline.  Outside raw mode a backslash-newline
 * is removed wherever it appears, inside operators, names and ${...} too
 * (XCU 2.2.1): the lexer never sees it.
 */
static int peek_slow(struct lexer *lx)
{
    for (;;) {
        struct lex_alias *al = lx->aliases ? live_alias(lx) : NULL;
        if (al != NULL) {
            if (!lx->raw && is_continuation(al->text, al->pos, strlen(al->text))) {
                al->pos += 2;
                continue;
            }
            return (unsigned char)al->text[al->pos];
        }
        while (lx->line == NULL || lx->pos >= lx->len)
            if (!fetch_line(lx))
                return LEX_EOF;
        if (!lx->raw && is_continuation(lx->line, lx->pos, lx->len)) {
            lx->pos += 2;
            continue;
        }
        return (unsigned char)lx->line[lx->pos];
    }
}

/*
 * The next character without consuming it; reads a line only when needed.
 * Inline with the common case first (no alias text, a character other than
 * a backslash left on the line): the lexer calls it for every character, so
 * a call per character was a tenth of the parse time.
 */
static inline int peek(struct lexer *lx)
{
    if (lx->aliases == NULL && lx->pos < lx->len && lx->line[lx->pos] != '\\')
        return (unsigned char)lx->line[lx->pos];
    return peek_slow(lx);
}

/* The next character exactly as written: a backslash-newline stays. */
static int peek_raw(struct lexer *lx)
{
    bool was = lx->raw;
    lx->raw = true;
    int c = peek(lx);
    lx->raw = was;
    return c;
}

/* Consume the character peek() returned. */
static inline void advance(struct lexer *lx)
{
    struct lex_alias *al = lx->aliases ? live_alias(lx) : NULL;
    if (al != NULL)
        al->pos++;
    else if (lx->pos < lx->len)
        lx->pos++;
}

static struct src_pos here(const struct lexer *lx)
{
    struct src_pos p = { lx->lineno, (int)lx->pos + 1 };
    return p;
}

/* ==== Errors ==== */

static void report_prefix_line(int line)
{
    if (diag_source() != NULL)
        diag_set_line(line);    /* diag_error prints "FILE: line N: " itself */
}

/*
 * Where an error is, for the message: "line N" in scripts and -c strings.
 * At an interactive prompt the lines are counted within the command being
 * typed, and named only when it has more than one ("line 2 of the
 * command"), as bash does.
 */
static const char *error_where(const struct lexer *lx, int line, char *buf, size_t size)
{
    if (!lx->shared->interactive)
        snprintf(buf, size, "line %d", line);
    else if (lx->lineno > 1)
        snprintf(buf, size, "line %d of the command", line);
    else
        return NULL;
    return buf;
}

void lex_error_msg(struct lexer *lx, int line, const char *msg)
{
    char buf[64];
    if (lx->shared->failed)
        return;
    lx->shared->failed = true;
    report_prefix_line(line);
    /* a script's "FILE: line N: " comes from diag_error itself */
    const char *where = diag_source() != NULL ? NULL : error_where(lx, line, buf, sizeof buf);
    diag_error(where, "syntax error: %s", msg);
}

/* The input ended inside a quote opened on LINE: at the prompt (Ctrl-D at
 * PS2) "unexpected end of input (open quote from line 1)". */
static void lex_error_open_quote(struct lexer *lx, int line)
{
    char msg[64];
    if (lx->shared->interactive)
        snprintf(msg, sizeof msg, "unexpected end of input (open quote from line %d)", line);
    else
        snprintf(msg, sizeof msg, "unterminated quoted string");
    lex_error_msg(lx, line, msg);
}

void lex_error_near(struct lexer *lx, const struct token *t)
{
    char buf[64];
    if (t->kind == TOK_ERROR || lx->shared->failed) {
        lx->shared->failed = true;
        return;
    }
    if (t->kind == TOK_EOF && lx->shared->interactive) {
        lex_error_msg(lx, t->pos.line, "unexpected end of input");
        return;
    }
    lx->shared->failed = true;
    struct strbuf sb = STRBUF_INIT;
    const char *src = NULL;
    if (lx->shared->interactive && lx->line != NULL && t->pos.line == lx->lineno)
        src = lx->line;
    const char *where = error_where(lx, t->pos.line, buf, sizeof buf);
    diag_syntax(where, t->pos.col, lex_token_text(t, &sb), src);
    sb_free(&sb);
}

/* Enter one level of nesting; false (error printed) when too deep. */
static bool enter(struct lexer *lx)
{
    if (++lx->shared->depth <= LEX_MAX_DEPTH)
        return true;
    lx->shared->depth--;
    lex_error_msg(lx, lx->lineno, "nesting too deep");
    return false;
}

static void leave(struct lexer *lx)
{
    lx->shared->depth--;
}

/* ==== Building word parts ==== */

static void pb_init(struct partbuf *pb, enum wpart_kind text_kind)
{
    memset(pb, 0, sizeof *pb);
    pb->tail = &pb->head;
    pb->text_kind = text_kind;
    pb->pend_kind = text_kind;
}

static void pb_append(struct partbuf *pb, struct wpart *wp)
{
    *pb->tail = wp;
    pb->tail = &wp->next;
}

/* Turn the pending text into a part. */
static void pb_flush(struct lexer *lx, struct partbuf *pb)
{
    if (lx->sb.len == 0 && !pb->pend_forced)
        return;
    struct wpart *wp = ast_wpart(lx->shared->arena, pb->pend_kind);
    wp->u.text = arena_strndup(lx->shared->arena, sb_str(&lx->sb), lx->sb.len);
    pb_append(pb, wp);
    sb_reset(&lx->sb);
    pb->pend_forced = false;
}

/* Add text of KIND; adjacent text of the same kind merges into one part. */
static void pb_addn(struct lexer *lx, struct partbuf *pb, enum wpart_kind kind, const char *s,
                    size_t n)
{
    if (kind != pb->pend_kind) {
        pb_flush(lx, pb);
        pb->pend_kind = kind;
    }
    sb_putn(&lx->sb, s, n);
}

static void pb_addc(struct lexer *lx, struct partbuf *pb, enum wpart_kind kind, int c)
{
    char ch = (char)c;
    pb_addn(lx, pb, kind, &ch, 1);
}

static inline bool is_blank(int c)
{
    return c == ' ' || c == '\t';
}

static inline bool is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_name_char(int c)
{
    return is_name_start(c) || is_digit(c);
}

static bool is_special_param(int c)
{
    return c != LEX_EOF && c != '\0' && strchr("@*#?-$!", c) != NULL;
}

static bool is_operator_start(int c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
}

bool lex_is_name(const char *s)
{
    if (!is_name_start((unsigned char)*s))
        return false;
    while (*++s)
        if (!is_name_char((unsigned char)*s))
            return false;
    return true;
}

const char *lex_word_literal(const struct word *w)
{
    if (w == NULL || w->parts == NULL || w->parts->next != NULL || w->parts->kind != WP_LITERAL)
        return NULL;
    return w->parts->u.text;
}

/* ==== Quotes ==== */

/* '...': everything up to the next quote is protected (newlines too). */
static int lex_squote(struct lexer *lx, struct partbuf *pb, int line)
{
    advance(lx);                        /* the opening quote */
    pb_addn(lx, pb, WP_QUOTED, "", 0);
    pb->pend_forced = true;             /* '' is a word */
    for (;;) {
        int c = peek_raw(lx);
        if (c == LEX_EOF) {
            lex_error_open_quote(lx, line);
            return -1;
        }
        advance(lx);
        if (c == '\'')
            return 0;
        pb_addc(lx, pb, WP_QUOTED, c);
    }
}

/* "...": an inner list of QUOTED text and expansions. */
static int lex_dquote(struct lexer *lx, struct partbuf *pb, int line)
{
    struct partbuf inner;
    advance(lx);
    pb_flush(lx, pb);
    if (!enter(lx))
        return -1;
    pb_init(&inner, WP_QUOTED);
    int rc = lex_parts(lx, &inner, M_DQ);
    leave(lx);
    if (rc < 0)
        return -1;
    if (peek(lx) != '"') {
        lex_error_open_quote(lx, line);
        return -1;
    }
    advance(lx);
    pb_flush(lx, &inner);
    struct wpart *wp = ast_wpart(lx->shared->arena, WP_DQUOTED);
    wp->u.inner = inner.head;
    pb_append(pb, wp);
    return 0;
}

/*
 * Inside "${x#pat}" the pattern is read as if unquoted (its text kind is
 * LITERAL): '...' quotes there and a backslash quotes any character, as in
 * dash: "${x#'a*'}", "${x#*\'}", "${x#\(}".
 */
static inline bool is_dq_pattern(enum lex_mode mode, const struct partbuf *pb)
{
    return mode == M_BRACE_DQ && pb->text_kind == WP_LITERAL;
}

/* Which characters a backslash protects in MODE (besides newline). */
static bool escapable(enum lex_mode mode, const struct partbuf *pb, int c)
{
    if (is_dq_pattern(mode, pb))
        return true;
    switch (mode) {
    case M_WORD:
    case M_BRACE:
        return true;
    case M_DQ:
        return c == '$' || c == '`' || c == '"' || c == '\\';
    case M_BRACE_DQ:
        return c == '$' || c == '`' || c == '"' || c == '\\' || c == '}';
    case M_HEREDOC:
    case M_ARITH:
        return c == '$' || c == '`' || c == '\\';
    }
    return false;
}

/* A backslash: removes a following newline, quotes what MODE allows. */
static void lex_backslash(struct lexer *lx, struct partbuf *pb, enum lex_mode mode)
{
    advance(lx);
    int c = peek_raw(lx);
    if (c == '\n') {
        advance(lx);                    /* line continuation: both vanish */
        return;
    }
    if (c == LEX_EOF || !escapable(mode, pb, c)) {
        pb_addc(lx, pb, WP_QUOTED, '\\');   /* stays a literal backslash */
        return;
    }
    advance(lx);
    pb_addc(lx, pb, WP_QUOTED, c);
}

/* ==== Backquotes and $(...) ==== */

/* Collect the text of `...`, undoing \\ \` \$ (and \" inside double quotes). */
static int collect_backquote(struct lexer *lx, bool in_dq, struct strbuf *out, int line)
{
    advance(lx);
    for (;;) {
        int c = peek(lx);
        if (c == LEX_EOF) {
            lex_error_open_quote(lx, line);
            return -1;
        }
        advance(lx);
        if (c == '`')
            return 0;
        if (c == '\\') {
            int d = peek_raw(lx);
            if (d == '\\' || d == '`' || d == '$' || (in_dq && d == '"')) {
                advance(lx);
                c = d;
            }
        }
        sb_putc(out, (char)c);
    }
}

/* Parse TEXT with a sub-lexer on the same arena: for `...` bodies. */
static int subparse_text(struct lexer *lx, const char *text, int line, struct node **out)
{
    struct lex_string src = { text, 0 };
    struct lexer sub;
    lex_init(&sub, lex_string_read, &src, lx->shared, line - 1);
    sub.started = true;
    int rc = lx->shared->subparse(lx->shared->subparse_ctx, &sub, false, out);
    lex_free(&sub);
    return rc;
}

/* `...`: a command substitution in the old syntax. */
static int lex_backquote(struct lexer *lx, struct partbuf *pb, enum lex_mode mode)
{
    int line = lx->lineno;
    struct strbuf text = STRBUF_INIT;
    pb_flush(lx, pb);
    int rc = collect_backquote(lx, mode == M_DQ || mode == M_BRACE_DQ, &text, line);
    if (rc == 0 && lx->shared->subparse == NULL) {
        lex_error_msg(lx, line, "command substitution not supported here");
        rc = -1;
    }
    struct wpart *wp = ast_wpart(lx->shared->arena, WP_CMDSUB);
    if (rc == 0 && enter(lx)) {
        const char *copy = arena_strndup(lx->shared->arena, sb_str(&text), text.len);
        rc = subparse_text(lx, copy, line, &wp->u.cmd);
        leave(lx);
    } else {
        rc = -1;
    }
    sb_free(&text);
    if (rc == 0)
        pb_append(pb, wp);
    return rc;
}

/* $( was read: the parser reads the commands and the closing ')'. */
static int lex_cmdsub(struct lexer *lx, struct partbuf *pb)
{
    if (lx->shared->subparse == NULL) {
        lex_error_msg(lx, lx->lineno, "command substitution not supported here");
        return -1;
    }
    struct wpart *wp = ast_wpart(lx->shared->arena, WP_CMDSUB);
    if (!enter(lx))
        return -1;
    /* here-documents started before the $( have their bodies after the line
     * that ends outside it; one started inside may end inside:
     * cat <<A; echo "$(cat <<B<newline>inner<newline>B<newline>)"<newline>outer<newline>A */
    struct lex_heredoc *outer = lx->heredocs, **outer_tail = lx->heredoc_tail;
    lx->heredocs = NULL;
    lx->heredoc_tail = &lx->heredocs;
    int rc = lx->shared->subparse(lx->shared->subparse_ctx, lx, true, &wp->u.cmd);
    if (outer != NULL) {
        *outer_tail = lx->heredocs;     /* still pending from inside: after the outer ones */
        if (lx->heredocs == NULL)
            lx->heredoc_tail = outer_tail;
        lx->heredocs = outer;
    }
    leave(lx);
    if (rc < 0)
        return -1;
    pb_append(pb, wp);
    return 0;
}

/* $(( was read: the expression's parts up to the closing )). */
static int lex_arith(struct lexer *lx, struct partbuf *pb, int line)
{
    struct partbuf inner;
    pb_init(&inner, WP_QUOTED);
    if (!enter(lx))
        return -1;
    int rc = lex_parts(lx, &inner, M_ARITH);
    leave(lx);
    if (rc < 0)
        return -1;
    if (peek(lx) == ')') {
        advance(lx);
        if (peek(lx) == ')') {
            advance(lx);
            pb_flush(lx, &inner);
            struct wpart *wp = ast_wpart(lx->shared->arena, WP_ARITH);
            wp->u.inner = inner.head;
            pb_append(pb, wp);
            return 0;
        }
    }
    sb_reset(&lx->sb);
    lex_error_msg(lx, line, "unterminated arithmetic expression");
    return -1;
}

/* ==== Parameters ==== */

/* Read a parameter name after $ or ${: NAME, digits (all of them if BRACED), or a special. */
static const char *lex_param_name(struct lexer *lx, bool braced)
{
    int c = peek(lx);
    sb_reset(&lx->nb);
    if (is_name_start(c) && lx->aliases == NULL) {
        size_t start = lx->pos;     /* the common case: copy the name from the line */
        while (lx->pos < lx->len && is_name_char((unsigned char)lx->line[lx->pos]))
            lx->pos++;
        if (!is_continuation(lx->line, lx->pos, lx->len))
            return arena_strndup(lx->shared->arena, lx->line + start, lx->pos - start);
        sb_putn(&lx->nb, lx->line + start, lx->pos - start);   /* it goes on after a \-newline */
        c = peek(lx);
    }
    if (is_name_start(c) || lx->nb.len > 0) {
        while (is_name_char(c = peek(lx))) {
            sb_putc(&lx->nb, (char)c);
            advance(lx);
        }
    } else if (is_digit(c)) {
        do {
            sb_putc(&lx->nb, (char)c);
            advance(lx);
        } while (braced && is_digit(c = peek(lx)));
    } else if (is_special_param(c)) {
        sb_putc(&lx->nb, (char)c);
        advance(lx);
    } else {
        return NULL;
    }
    return arena_strndup(lx->shared->arena, sb_str(&lx->nb), lx->nb.len);
}

/* After a '%' or '#' (C, read): a second C makes the longest-match form. */
static int shortest_or_longest(struct lexer *lx, int c, int shortest, int longest)
{
    if (peek(lx) != c)
        return shortest;
    advance(lx);
    return longest;
}

/* The operator after ${name: '}' gives PO_NONE; -1 for a bad one. */
static int lex_param_op(struct lexer *lx, bool *colon)
{
    int c = peek(lx);
    *colon = false;
    if (c == ':') {
        advance(lx);
        *colon = true;
        c = peek(lx);
        if (c != '-' && c != '=' && c != '?' && c != '+')
            return -1;
    }
    if (c == LEX_EOF || strchr("}-=?+%#", c) == NULL)
        return -1;                      /* not consumed: the bad form's word starts there */
    advance(lx);
    switch (c) {
    case '}': return PO_NONE;
    case '-': return PO_DEFAULT;
    case '=': return PO_ASSIGN;
    case '?': return PO_ERROR;
    case '+': return PO_ALT;
    case '%': return shortest_or_longest(lx, '%', PO_RM_SSUFFIX, PO_RM_LSUFFIX);
    case '#': return shortest_or_longest(lx, '#', PO_RM_SPREFIX, PO_RM_LPREFIX);
    }
    return -1;
}

/* The word after OP in ${name OP word}, up to the closing brace. */
static int lex_param_arg(struct lexer *lx, struct wpart *wp, bool in_dq, int line)
{
    struct partbuf inner;
    bool pattern = wp->u.param.op >= PO_RM_SSUFFIX && wp->u.param.op != PO_BAD;
    /* inside "...", the word is quoted, but a pattern's wildcards stay active */
    pb_init(&inner, in_dq && !pattern ? WP_QUOTED : WP_LITERAL);
    if (!enter(lx))
        return -1;
    int rc = lex_parts(lx, &inner, in_dq ? M_BRACE_DQ : M_BRACE);
    leave(lx);
    if (rc < 0)
        return -1;
    if (peek(lx) != '}') {
        lex_error_msg(lx, line, "missing '}'");
        return -1;
    }
    advance(lx);
    pb_flush(lx, &inner);
    wp->u.param.arg = inner.head;
    return 0;
}

/* The operator that starts with C (read) in ${#C...}: '#' is the name. */
static int hash_param_op(struct lexer *lx, int c)
{
    switch (c) {
    case '-': return PO_DEFAULT;
    case '?': return PO_ERROR;
    case '#': return shortest_or_longest(lx, '#', PO_RM_SPREFIX, PO_RM_LPREFIX);
    }
    return -1;
}

/*
 * ${# was read: ${#name} and ${#?} are lengths; ${#}, ${#-word}, ${##pat}
 * use the parameter '#'.  Characters are read one at a time through
 * peek(), so a backslash-newline may come anywhere (`${#\<newline>x}`).
 * The name goes to WP; returns the operator or -1.
 */
static int lex_hash_param(struct lexer *lx, struct wpart *wp)
{
    int c = peek(lx);
    wp->u.param.name = "#";
    if (is_name_char(c)) {
        wp->u.param.name = lex_param_name(lx, true);
        return PO_LENGTH;
    }
    if (!is_special_param(c))
        return lex_param_op(lx, &wp->u.param.colon);    /* } : = + % or bad */
    advance(lx);
    char name[3] = { (char)c, '\0', '\0' };
    if (peek(lx) == '}') {
        wp->u.param.name = arena_strdup(lx->shared->arena, name);
        return PO_LENGTH;
    }
    int op = hash_param_op(lx, c);
    if (op < 0) {
        name[0] = '#';                  /* ${#@x}: "#@" was read */
        name[1] = (char)c;
        wp->u.param.name = arena_strdup(lx->shared->arena, name);
    }
    return op;
}

/*
 * ${ NAME-so-far, then no valid operator: the rest up to '}' is read as the
 * word, and expanding it is the error ("bad substitution"), as in dash: a
 * branch that never runs (`${x/a/b}` for bash only) is no syntax error.
 */
static int lex_bad_param(struct lexer *lx, struct wpart *wp, bool length, bool in_dq, int line)
{
    struct strbuf sb = STRBUF_INIT;
    if (length)
        sb_putc(&sb, '#');
    if (wp->u.param.name != NULL)
        sb_puts(&sb, wp->u.param.name);
    if (wp->u.param.colon)
        sb_putc(&sb, ':');
    wp->u.param.name = arena_strndup(lx->shared->arena, sb_str(&sb), sb.len);
    sb_free(&sb);
    wp->u.param.colon = false;
    wp->u.param.op = PO_BAD;
    return lex_param_arg(lx, wp, in_dq, line);
}

/* ${ was read: name, operator and word, up to '}'. */
static int lex_brace_param(struct lexer *lx, struct partbuf *pb, bool in_dq, int line)
{
    struct wpart *wp = ast_wpart(lx->shared->arena, WP_PARAM);
    int op;
    if (peek(lx) == '#') {
        advance(lx);
        op = lex_hash_param(lx, wp);
    } else {
        wp->u.param.name = lex_param_name(lx, true);
        op = wp->u.param.name ? lex_param_op(lx, &wp->u.param.colon) : -1;
    }
    bool length = op == PO_LENGTH;
    if (length && peek(lx) == '}')
        advance(lx);
    else if (length)
        op = -1;                        /* ${#x-y} */
    if (op < 0) {
        if (lex_bad_param(lx, wp, length, in_dq, line) < 0)
            return -1;
        pb_append(pb, wp);
        return 0;
    }
    wp->u.param.op = (enum param_op)op;
    if (op != PO_NONE && op != PO_LENGTH && lex_param_arg(lx, wp, in_dq, line) < 0)
        return -1;
    pb_append(pb, wp);
    return 0;
}

/* ==== $'...' ==== */

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Read up to MAX digits of BASE (8 or 16) into *VALUE; returns how many. */
static int lex_digits(struct lexer *lx, int base, int max, int *value)
{
    int n = 0;
    *value = 0;
    for (int d; n < max && (d = hex_value(peek_raw(lx))) >= 0 && d < base; n++) {
        *value = *value * base + d;
        advance(lx);
    }
    return n;
}

/* The character an escape in $'...' stands for (the backslash was read), or
 * -1 when it is not one: then the backslash stays, as bash keeps it. */
static int lex_ansi_escape(struct lexer *lx)
{
    static const char from[] = "abeEfnrtv\\'\"?", to[] = "\a\b\033\033\f\n\r\t\v\\'\"?";
    int c = peek_raw(lx), v;
    const char *hit = c != LEX_EOF && c != '\0' ? strchr(from, c) : NULL;
    if (hit != NULL) {
        advance(lx);
        return (unsigned char)to[hit - from];
    }
    if (c >= '0' && c <= '7') {
        lex_digits(lx, 8, 3, &v);
        return v & 0xff;
    }
    if (c == 'x') {
        advance(lx);
        return lex_digits(lx, 16, 2, &v) > 0 ? v : -1;
    }
    if (c == 'c') {
        advance(lx);
        c = peek_raw(lx);
        if (c == LEX_EOF || c == '\'')
            return -1;
        advance(lx);
        if (c == '\\' && peek_raw(lx) == '\\')
            advance(lx);                /* \c\\ is control-backslash */
        return c == '?' ? 0x7f : (c & 0x1f);
    }
    return -1;
}

/*
 * $'...' (POSIX.1-2024): single quotes in which backslash escapes stand for
 * characters: \n \t \\ \' \" \xHH \ddd \cX \e and the C ones.  The result
 * is quoted text; a \0 ends it (a C string cannot hold the NUL).
 */
static int lex_dollar_squote(struct lexer *lx, struct partbuf *pb, int line)
{
    bool ended = false;         /* after a NUL the rest is dropped */
    advance(lx);                /* the quote */
    pb_addn(lx, pb, WP_QUOTED, "", 0);
    pb->pend_forced = true;     /* $'' is a word */
    for (;;) {
        int c = peek_raw(lx);
        if (c == LEX_EOF) {
            lex_error_msg(lx, line, "unterminated quoted string");
            return -1;
        }
        advance(lx);
        if (c == '\'')
            return 0;
        if (c == '\\') {
            c = lex_ansi_escape(lx);
            if (c < 0)
                c = '\\';             /* not an escape: the backslash stays */
            if (c == 0)
                ended = true;
        }
        if (!ended)
            pb_addc(lx, pb, WP_QUOTED, c);
    }
}

/* A '$': parameter, command substitution, arithmetic, $'...', or a literal '$'. */
static int lex_dollar(struct lexer *lx, struct partbuf *pb, enum lex_mode mode)
{
    int line = lx->lineno;
    advance(lx);
    int c = peek(lx);
    /* a pattern inside "${x#...}" is read as unquoted, and so is any
     * ${y=word} nested in it: "${x#${y=\*}}" assigns '*' to y */
    bool in_dq = (mode == M_DQ || mode == M_BRACE_DQ || mode == M_HEREDOC) &&
                 !is_dq_pattern(mode, pb);
    if (c == '\'' && (mode == M_WORD || mode == M_BRACE || is_dq_pattern(mode, pb))) {
        pb_flush(lx, pb);
        return lex_dollar_squote(lx, pb, line);
    }
    if (c == '(' && lx->in_delim) {
        pb_addc(lx, pb, pb->text_kind, '$');    /* no substitution in a delimiter */
        return 0;
    }
    if (c != '(' && c != '{' && !is_name_char(c) && !is_special_param(c)) {
        pb_addc(lx, pb, pb->text_kind, '$');
        return 0;
    }
    pb_flush(lx, pb);
    if (c == '{') {
        advance(lx);
        return lex_brace_param(lx, pb, in_dq, line);
    }
    if (c == '(') {
        advance(lx);
        if (peek(lx) != '(')
            return lex_cmdsub(lx, pb);
        advance(lx);
        return lex_arith(lx, pb, line);
    }
    struct wpart *wp = ast_wpart(lx->shared->arena, WP_PARAM);
    wp->u.param.name = lex_param_name(lx, false);
    pb_append(pb, wp);
    return 0;
}

/* ==== Words ==== */

/* One character that is not special in MODE (quotes are plain in some modes). */
static int lex_plain(struct lexer *lx, struct partbuf *pb, enum lex_mode mode, int c)
{
    int line = lx->lineno;
    if (c == '\'' && (mode == M_WORD || mode == M_BRACE || is_dq_pattern(mode, pb)))
        return lex_squote(lx, pb, line);
    if (c == '"' && (mode == M_WORD || mode == M_BRACE || mode == M_BRACE_DQ))
        return lex_dquote(lx, pb, line);
    if (mode == M_ARITH && c == '(')
        pb->paren++;
    if (mode == M_ARITH && c == ')')
        pb->paren--;
    advance(lx);
    pb_addc(lx, pb, pb->text_kind, c);
    return 0;
}

/*
 * Characters that may end a run or start something in some mode: quotes,
 * expansions, blanks, operators, '}' (M_BRACE) and the parentheses that
 * M_ARITH counts.  Every other character is plain text in every mode.
 */
static const bool run_stop[256] = {
    ['\0'] = true, [' '] = true, ['\t'] = true, ['\n'] = true, ['|'] = true,
    ['&'] = true, [';'] = true, ['<'] = true, ['>'] = true, ['('] = true, [')'] = true,
    ['\''] = true, ['"'] = true, ['\\'] = true, ['$'] = true, ['`'] = true,
    ['}'] = true,
};

/* Does C end a run of characters in MODE?  (C is not consumed.) */
static inline bool ends_run(enum lex_mode mode, int c, const struct partbuf *pb)
{
    switch (mode) {
    case M_WORD:
        return is_blank(c) || c == '\n' || is_operator_start(c);
    case M_DQ:
        return c == '"';
    case M_BRACE:
    case M_BRACE_DQ:
        return c == '}';
    case M_HEREDOC:
        return false;
    case M_ARITH:
        return c == ')' && pb->paren == 0;
    }
    return true;
}

/*
 * Add the plain characters at the reading position as one piece (what
 * lex_plain does one character at a time).  Returns false when there are
 * none.  Only on a line: alias texts take the slow path.  A run that is a
 * whole part (nothing pending, and MODE ends right after it) goes from the
 * line to the arena without passing through lx->sb: most words are that.
 */
static bool lex_plain_run(struct lexer *lx, struct partbuf *pb, enum lex_mode mode)
{
    size_t start = lx->pos;
    if (lx->aliases != NULL)
        return false;
    while (lx->pos < lx->len && !run_stop[(unsigned char)lx->line[lx->pos]])
        lx->pos++;
    if (lx->pos == start)
        return false;
    if (lx->sb.len == 0 && !pb->pend_forced && lx->pos < lx->len
        && ends_run(mode, (unsigned char)lx->line[lx->pos], pb)) {
        struct wpart *wp = ast_wpart(lx->shared->arena, pb->text_kind);
        wp->u.text = arena_strndup(lx->shared->arena, lx->line + start, lx->pos - start);
        pb_append(pb, wp);
        pb->pend_kind = pb->text_kind;
        return true;
    }
    pb_addn(lx, pb, pb->text_kind, lx->line + start, lx->pos - start);
    return true;
}

/*
 * Read parts into PB until a character that ends MODE (left unread) or the
 * end of input.  Returns 0, or -1 after an error was printed.
 */
static int lex_parts(struct lexer *lx, struct partbuf *pb, enum lex_mode mode)
{
    for (;;) {
        if (lex_plain_run(lx, pb, mode))
            continue;
        int c = peek(lx);
        int rc = 0;
        if (c == LEX_EOF || ends_run(mode, c, pb)) {
            pb_flush(lx, pb);
            return 0;
        }
        if (c == '\\')
            lex_backslash(lx, pb, mode);
        else if (c == '$')
            rc = lex_dollar(lx, pb, mode);
        else if (c == '`')
            rc = lex_backquote(lx, pb, mode);
        else
            rc = lex_plain(lx, pb, mode, c);
        if (rc < 0) {
            sb_reset(&lx->sb);
            return -1;
        }
    }
}

/* A WORD token, or an IO_NUMBER when it is all digits right before < or >. */
static void lex_word(struct lexer *lx, struct token *t)
{
    struct partbuf pb;
    pb_init(&pb, WP_LITERAL);
    if (lex_parts(lx, &pb, M_WORD) < 0) {
        t->kind = TOK_ERROR;
        return;
    }
    if (pb.head == NULL) {      /* only a backslash-newline: no word here after all */
        lex_next(lx, t);
        return;
    }
    const char *lit = pb.head && !pb.head->next && pb.head->kind == WP_LITERAL
                      ? pb.head->u.text : NULL;
    int c = peek(lx);
    if (lit != NULL && (c == '<' || c == '>') && strlen(lit) <= 9
        && strspn(lit, "0123456789") == strlen(lit)) {
        t->kind = TOK_IO_NUMBER;
        t->io_number = atoi(lit);
        return;
    }
    t->kind = TOK_WORD;
    t->word = ast_word(lx->shared->arena, t->pos);
    t->word->parts = pb.head;
}

/* ==== Operators ==== */

/* If the next character is C, consume it. */
static bool accept_char(struct lexer *lx, int c)
{
    if (peek(lx) != c)
        return false;
    advance(lx);
    return true;
}

/* The longest operator starting at the next character. */
static enum tok_kind lex_operator(struct lexer *lx)
{
    int c = peek(lx);
    advance(lx);
    switch (c) {
    case '|': return accept_char(lx, '|') ? TOK_OR_IF : TOK_PIPE;
    case '&': return accept_char(lx, '&') ? TOK_AND_IF : TOK_AMP;
    case ';':
        if (accept_char(lx, ';'))
            return TOK_DSEMI;
        return accept_char(lx, '&') ? TOK_SEMI_AND : TOK_SEMI;
    case '(': return TOK_LPAREN;
    case ')': return TOK_RPAREN;
    case '>':
        if (accept_char(lx, '>'))
            return TOK_DGREAT;
        if (accept_char(lx, '&'))
            return TOK_GREATAND;
        return accept_char(lx, '|') ? TOK_CLOBBER : TOK_GREAT;
    default: /* '<' */
        if (accept_char(lx, '<'))
            return accept_char(lx, '-') ? TOK_DLESSDASH : TOK_DLESS;
        if (accept_char(lx, '&'))
            return TOK_LESSAND;
        return accept_char(lx, '>') ? TOK_LESSGREAT : TOK_LESS;
    }
}

/* ==== Here-documents ==== */

void lex_add_heredoc(struct lexer *lx, struct redir *r, const char *delim, bool quoted,
                     bool strip_tabs)
{
    struct lex_heredoc *h = arena_zalloc(lx->shared->arena, sizeof *h);
    h->r = r;
    h->delim = arena_strdup(lx->shared->arena, delim);
    h->quoted = quoted;
    h->strip_tabs = strip_tabs;
    *lx->heredoc_tail = h;
    lx->heredoc_tail = &h->next;
}

/* Is LINE (without its newline) the delimiter? */
static bool is_delim_line(const char *line, const char *delim)
{
    size_t n = strlen(delim);
    return strncmp(line, delim, n) == 0 && (line[n] == '\0' || (line[n] == '\n' && !line[n + 1]));
}

/* Does LINE end in a backslash-newline (an odd run of backslashes)? */
static bool ends_continued(const char *line)
{
    size_t n = strlen(line);
    if (n == 0 || line[n - 1] != '\n')
        return false;
    size_t k = 0;
    while (k < n - 1 && line[n - 2 - k] == '\\')
        k++;
    return k % 2 == 1;
}

/*
 * The next raw line of a here-document body into LINE: from an alias text
 * being read first (`alias h='cat <<E<newline>x<newline>E<newline>'`
 * holds its own body), then the rest of the current line, then new lines,
 * as dash reads them.  false at the end of input with nothing read.
 */
static bool body_line(struct lexer *lx, struct strbuf *line)
{
    sb_reset(line);
    for (;;) {
        struct lex_alias *al = lx->aliases ? live_alias(lx) : NULL;
        const char *s;
        size_t avail;
        if (al != NULL) {
            s = al->text + al->pos;
            avail = strlen(s);
        } else if (lx->line != NULL && lx->pos < lx->len) {
            s = lx->line + lx->pos;
            avail = lx->len - lx->pos;
        } else if (fetch_line(lx)) {
            continue;
        } else {
            return line->len > 0;
        }
        const char *nl = memchr(s, '\n', avail);
        size_t n = nl != NULL ? (size_t)(nl - s) + 1 : avail;
        sb_putn(line, s, n);
        if (al != NULL)
            al->pos += n;
        else
            lx->pos += n;       /* the body is not read as tokens */
        if (nl != NULL)
            return true;
    }
}

/*
 * Read raw body lines up to the delimiter (or the end of input, as dash
 * does).  In an unquoted body a backslash-newline joins the next line to
 * this one before anything else, so that line is neither the delimiter
 * nor has its tabs stripped (`end\⏎E` never ends the body).
 */
static void read_body(struct lexer *lx, const struct lex_heredoc *h, struct strbuf *body)
{
    bool continued = false;
    struct strbuf line = STRBUF_INIT;
    while (body_line(lx, &line)) {
        const char *s = sb_str(&line);
        if (!continued) {
            if (h->strip_tabs)
                s += strspn(s, "\t");
            if (is_delim_line(s, h->delim))
                break;
        }
        sb_puts(body, s);
        if (body->len > 0 && body->buf[body->len - 1] != '\n')
            sb_putc(body, '\n');        /* the last line of a file may lack it */
        continued = !h->quoted && ends_continued(s);
    }
    sb_free(&line);
}

/* The parts of an unquoted body: as inside "...", where '"' is plain. */
int lex_body_parts(struct lex_shared *shared, const char *text, int line, struct wpart **out)
{
    struct lex_string src = { text, 0 };
    struct lexer sub;
    struct partbuf pb;
    lex_init(&sub, lex_string_read, &src, shared, line);
    sub.started = true;
    pb_init(&pb, WP_QUOTED);
    int rc = lex_parts(&sub, &pb, M_HEREDOC);
    *out = pb.head;
    lex_free(&sub);
    return rc;
}

/* Give one pending here-document its body. */
static int finish_heredoc(struct lexer *lx, struct lex_heredoc *h)
{
    struct strbuf body = STRBUF_INIT;
    int line = lx->lineno;
    read_body(lx, h, &body);
    struct arena *a = lx->shared->arena;
    struct word *w = ast_word(a, h->r->pos);
    const char *text = arena_strndup(a, sb_str(&body), body.len);
    sb_free(&body);
    int rc = 0;
    if (h->quoted) {
        w->parts = ast_wpart(a, WP_QUOTED);
        w->parts->u.text = text;
    } else {
        w->parts = ast_wpart(a, WP_DQUOTED);
        rc = lex_body_parts(lx->shared, text, line, &w->parts->u.inner);
    }
    h->r->target = w;
    h->r->heredoc_quoted = h->quoted;
    return rc;
}

/* After a newline: read every pending body, in order. */
static int read_heredocs(struct lexer *lx)
{
    int rc = 0;
    struct lex_heredoc *h = lx->heredocs;
    lx->heredocs = NULL;
    lx->heredoc_tail = &lx->heredocs;
    for (; h != NULL && rc == 0; h = h->next)
        rc = finish_heredoc(lx, h);
    return rc;
}

/* ==== Tokens ==== */

/* Drop alias texts that were read completely (the guard holds them until now). */
static void pop_exhausted(struct lexer *lx)
{
    while (lx->aliases != NULL && (lx->aliases->exhausted || lx->aliases->text[lx->aliases->pos] == '\0'))
        pop_alias(lx);
}

/* Blanks, backslash-newlines and a comment before a token. */
static void skip_space(struct lexer *lx)
{
    for (;;) {
        int c = peek(lx);
        if (is_blank(c)) {
            advance(lx);
        } else if (c == '#') {
            while ((c = peek_raw(lx)) != '\n' && c != LEX_EOF)
                advance(lx);
        } else {
            return;
        }
    }
}

void lex_next(struct lexer *lx, struct token *out)
{
    struct token t = { TOK_EOF, { 0, 0 }, NULL, -1 };
    lx->after_blank_alias = false;
    pop_exhausted(lx);
    skip_space(lx);
    pop_exhausted(lx);
    int c = peek(lx);
    t.pos = here(lx);
    if (c == LEX_EOF) {
        if (lx->heredocs != NULL && read_heredocs(lx) < 0)
            t.kind = TOK_ERROR;
    } else if (c == '\n') {
        advance(lx);
        t.kind = TOK_NEWLINE;
        if (lx->heredocs != NULL && read_heredocs(lx) < 0)
            t.kind = TOK_ERROR;
    } else if (is_operator_start(c)) {
        t.kind = lex_operator(lx);
    } else {
        const char *line = lx->line;
        size_t start = lx->pos;
        int lineno = lx->lineno;
        bool want = lx->want_src && lx->aliases == NULL;
        lx->in_delim = lx->want_src;    /* a delimiter: `<<$(a)` is `$`, then a '(' (as dash) */
        lx->want_src = false;
        lex_word(lx, &t);
        lx->in_delim = false;
        if (want && lx->aliases == NULL && lx->line == line && lx->lineno == lineno
            && t.kind == TOK_WORD)
            lx->src = arena_strndup(lx->shared->arena, line + start, lx->pos - start);
    }
    lx->want_src = false;
    *out = t;
}

void lex_want_source(struct lexer *lx)
{
    lx->want_src = true;
    lx->src = NULL;
}

const char *lex_source(const struct lexer *lx)
{
    return lx->src;
}

void lex_skip_line(struct lexer *lx)
{
    while (lx->aliases != NULL)
        pop_alias(lx);
    lx->heredocs = NULL;
    lx->heredoc_tail = &lx->heredocs;
    lx->pos = lx->len;
    sb_reset(&lx->sb);
}

void lex_push_alias(struct lexer *lx, const char *name, const char *text)
{
    struct lex_alias *al = xcalloc(1, sizeof *al);
    al->name = xstrdup(name);
    al->text = xstrdup(text);
    al->next = lx->aliases;
    lx->aliases = al;
}

bool lex_after_blank_alias(const struct lexer *lx)
{
    return lx->after_blank_alias;
}

bool lex_alias_active(const struct lexer *lx, const char *name)
{
    for (const struct lex_alias *al = lx->aliases; al != NULL; al = al->next)
        if (strcmp(al->name, name) == 0)
            return true;
    return false;
}

const char *lex_token_text(const struct token *t, struct strbuf *sb)
{
    static const char *const names[] = {
        [TOK_WORD] = "word", [TOK_IO_NUMBER] = "number", [TOK_NEWLINE] = "newline",
        [TOK_EOF] = "end of file", [TOK_PIPE] = "|", [TOK_OR_IF] = "||", [TOK_AMP] = "&",
        [TOK_AND_IF] = "&&", [TOK_SEMI] = ";", [TOK_DSEMI] = ";;", [TOK_SEMI_AND] = ";&",
        [TOK_LPAREN] = "(", [TOK_RPAREN] = ")", [TOK_LESS] = "<", [TOK_GREAT] = ">",
        [TOK_DGREAT] = ">>", [TOK_CLOBBER] = ">|", [TOK_LESSGREAT] = "<>",
        [TOK_LESSAND] = "<&", [TOK_GREATAND] = ">&", [TOK_DLESS] = "<<",
        [TOK_DLESSDASH] = "<<-", [TOK_ERROR] = "error",
    };
    if (t->kind == TOK_WORD && t->word != NULL) {
        sb_reset(sb);
        ast_word_text(sb, t->word);
        return sb_str(sb);
    }
    if (t->kind == TOK_IO_NUMBER) {
        sb_reset(sb);
        sb_printf(sb, "%d", t->io_number);
        return sb_str(sb);
    }
    return names[t->kind];
}
