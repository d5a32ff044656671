/*
 * parser.c -- recursive descent over the POSIX shell grammar (XCU 2.10),
 * one function per rule, each with its rule in a comment above it.
 * docs/grammar.md collects the rules.
 *
 * Owns: reserved words (recognised only where the grammar allows them),
 *       alias substitution, assignments versus words, syntax errors.
 * Never: reads input itself (the lexer asks the reader), expands or runs.
 *
 * The parser looks one token ahead, and only when a rule needs it, so that
 * a command ends at its newline without reading the next line.
 */
#include "parser.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "lexer.h"

/* The reserved words, so the parser compares a number, not strings. */
enum rword {
    RW_NONE, RW_IF, RW_THEN, RW_ELSE, RW_ELIF, RW_FI, RW_DO, RW_DONE, RW_CASE, RW_ESAC,
    RW_WHILE, RW_UNTIL, RW_FOR, RW_LBRACE, RW_RBRACE, RW_BANG, RW_IN
};

struct parser {
    struct lexer root;          /* reads from the parser's reader */
    struct lexer *lx;           /* the lexer in use (a sub-lexer inside `...`) */
    struct lex_shared shared;   /* arena, depth, error flag for all lexers */
    struct token tok;           /* the lookahead, valid when have_tok */
    enum rword tok_rw;          /* the reserved word TOK spells (RW_NONE: none or not a word) */
    const char *tok_lit;        /* TOK as one literal word (lex_word_literal), or NULL */
    bool have_tok;
    struct arena *a;            /* the current command's arena */
    parse_alias_fn *alias;      /* NULL: no alias substitution */
    void *alias_ctx;
    bool alias_next;            /* the last alias ended in a blank: check the next word too */
    struct lex_string *str;     /* parser_new_string: the text and its reader */
    char *text;                 /* parser_new_string: the copy of the text */
};

static struct node *parse_and_or(struct parser *p);
static struct node *parse_compound_list(struct parser *p);
static struct node *parse_command(struct parser *p);
static int parse_subparse(void *ctx, struct lexer *lx, bool to_rparen, struct node **out);

/* ==== Tokens ==== */

/* Which reserved word S spells, if any (one switch, at most two strcmp). */
static enum rword rword_of(const char *s)
{
    switch (s[0]) {
    case 'i':
        return strcmp(s, "if") == 0 ? RW_IF : strcmp(s, "in") == 0 ? RW_IN : RW_NONE;
    case 't':
        return strcmp(s, "then") == 0 ? RW_THEN : RW_NONE;
    case 'e':
        if (strcmp(s, "else") == 0)
            return RW_ELSE;
        return strcmp(s, "elif") == 0 ? RW_ELIF : strcmp(s, "esac") == 0 ? RW_ESAC : RW_NONE;
    case 'f':
        return strcmp(s, "fi") == 0 ? RW_FI : strcmp(s, "for") == 0 ? RW_FOR : RW_NONE;
    case 'd':
        return strcmp(s, "do") == 0 ? RW_DO : strcmp(s, "done") == 0 ? RW_DONE : RW_NONE;
    case 'c':
        return strcmp(s, "case") == 0 ? RW_CASE : RW_NONE;
    case 'w':
        return strcmp(s, "while") == 0 ? RW_WHILE : RW_NONE;
    case 'u':
        return strcmp(s, "until") == 0 ? RW_UNTIL : RW_NONE;
    case '{':
        return s[1] == '\0' ? RW_LBRACE : RW_NONE;
    case '}':
        return s[1] == '\0' ? RW_RBRACE : RW_NONE;
    case '!':
        return s[1] == '\0' ? RW_BANG : RW_NONE;
    }
    return RW_NONE;
}

/* Read a new lookahead and classify it, once here, not at every test. */
static struct token *peek_new(struct parser *p)
{
    lex_next(p->lx, &p->tok);
    p->have_tok = true;
    p->tok_lit = p->tok.kind == TOK_WORD ? lex_word_literal(p->tok.word) : NULL;
    p->tok_rw = p->tok_lit != NULL ? rword_of(p->tok_lit) : RW_NONE;
    return &p->tok;
}

/* The lookahead.  Inline: the grammar asks for it many times per token. */
static inline struct token *peek(struct parser *p)
{
    return p->have_tok ? &p->tok : peek_new(p);
}

static void advance(struct parser *p)
{
    p->have_tok = false;
}

static bool failed(const struct parser *p)
{
    return p->shared.failed;
}

static bool at(struct parser *p, enum tok_kind kind)
{
    return peek(p)->kind == kind;
}

static bool accept(struct parser *p, enum tok_kind kind)
{
    if (!at(p, kind))
        return false;
    advance(p);
    return true;
}

/* Is the lookahead the unquoted reserved word WORD (where one is allowed)? */
static bool at_word(struct parser *p, enum rword word)
{
    peek(p);
    return p->tok_rw == word;
}

static bool accept_word(struct parser *p, enum rword word)
{
    if (!at_word(p, word))
        return false;
    advance(p);
    return true;
}

/* Report "syntax error near 'X'" for the lookahead.  Returns NULL for the caller. */
static struct node *syntax_error(struct parser *p)
{
    lex_error_near(p->lx, peek(p));
    return NULL;
}

static bool expect_word(struct parser *p, enum rword word)
{
    static const char *const names[] = {
        [RW_THEN] = "then", [RW_FI] = "fi", [RW_DO] = "do", [RW_DONE] = "done",
        [RW_ESAC] = "esac", [RW_RBRACE] = "}", [RW_IN] = "in",
    };
    if (accept_word(p, word))
        return true;
    if (at(p, TOK_EOF) && p->shared.interactive && names[word] != NULL) {
        /* Ctrl-D at PS2: say what the unfinished command still needs */
        char msg[64];
        snprintf(msg, sizeof msg, "unexpected end of input (expecting '%s')", names[word]);
        lex_error_msg(p->lx, peek(p)->pos.line, msg);
        return false;
    }
    syntax_error(p);
    return false;
}

/* Does the lookahead end a compound_list (a closing reserved word or operator)? */
static bool at_list_end(struct parser *p)
{
    struct token *t = peek(p);
    if (t->kind == TOK_RPAREN || t->kind == TOK_DSEMI || t->kind == TOK_SEMI_AND
        || t->kind == TOK_EOF || t->kind == TOK_ERROR)
        return true;
    switch (p->tok_rw) {
    case RW_THEN: case RW_ELSE: case RW_ELIF: case RW_FI: case RW_DO: case RW_DONE:
    case RW_ESAC: case RW_RBRACE:
        return true;
    default:
        return false;
    }
}

/*
 * The lookahead in command position: an unquoted word that names an alias
 * is replaced by the alias text (unless that alias is being read already).
 */
static struct token *peek_command(struct parser *p)
{
    for (int guard = 0; guard < 1000; guard++) {
        struct token *t = peek(p);
        const char *lit = p->tok_lit;
        if (p->alias == NULL || lit == NULL || p->tok_rw != RW_NONE || lex_alias_active(p->lx, lit))
            return t;
        const char *value = p->alias(p->alias_ctx, lit);
        if (value == NULL)
            return t;
        size_t n = strlen(value);
        p->alias_next = n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t');
        lex_push_alias(p->lx, lit, value);
        advance(p);
    }
    return peek(p);
}

/* linebreak : newline_list | (empty) */
static void parse_linebreak(struct parser *p)
{
    while (accept(p, TOK_NEWLINE))
        ;
}

/*
 * linebreak, then the lookahead in command position.  An alias read there
 * may give a reserved word (`alias FI=fi`) that ends the list, or nothing
 * at all, and then the newlines after it are a linebreak too (as in dash).
 */
static struct token *peek_command_after_linebreak(struct parser *p)
{
    for (;;) {
        parse_linebreak(p);
        struct token *t = peek_command(p);
        if (t->kind != TOK_NEWLINE)
            return t;
    }
}

/* ==== Redirections ==== */

static bool is_redir_op(enum tok_kind k)
{
    return k == TOK_LESS || k == TOK_GREAT || k == TOK_DGREAT || k == TOK_CLOBBER
           || k == TOK_LESSGREAT || k == TOK_LESSAND || k == TOK_GREATAND
           || k == TOK_DLESS || k == TOK_DLESSDASH;
}

static enum redir_op redir_op_of(enum tok_kind k)
{
    switch (k) {
    case TOK_LESS: return R_IN;
    case TOK_GREAT: return R_OUT;
    case TOK_DGREAT: return R_APPEND;
    case TOK_CLOBBER: return R_CLOBBER;
    case TOK_LESSGREAT: return R_RDWR;
    case TOK_LESSAND: return R_DUP_IN;
    case TOK_GREATAND: return R_DUP_OUT;
    default: return R_HEREDOC;
    }
}

/* Append the source text of one expansion part (`$x`, `$(cmd)`) of a delimiter. */
static void delim_expansion_text(struct strbuf *sb, const struct wpart *wp)
{
    struct wpart one = *wp;
    struct word w;
    memset(&w, 0, sizeof w);
    one.next = NULL;
    w.parts = &one;
    ast_word_text(sb, &w);
}

/* Quote removal on the source text S of a delimiter; *QUOTED if it had quotes. */
static const char *delim_unquote(struct parser *p, const char *s, bool *quoted)
{
    struct strbuf sb = STRBUF_INIT;
    char q = 0;                 /* the open quote, if any */
    for (; *s != '\0'; s++) {
        if (q == '\'' && *s != '\'') {
            sb_putc(&sb, *s);
        } else if (*s == '\\' && s[1] != '\0' && (q == 0 || strchr("$`\"\\", s[1]))) {
            *quoted = true;
            sb_putc(&sb, *++s);
        } else if ((*s == '\'' && q != '"') || (*s == '"' && q != '\'')) {
            *quoted = true;
            q = q == 0 ? *s : 0;
        } else {
            sb_putc(&sb, *s);
        }
    }
    const char *d = arena_strndup(p->a, sb_str(&sb), sb.len);
    sb_free(&sb);
    return d;
}

/*
 * The delimiter of a here-document: the word as written with its quotes
 * removed and nothing expanded (`<<E$F` ends at a line "E$F" and `<<${a}`
 * at "${a}", as in dash).  From the source text when the lexer kept it,
 * else rebuilt from the parts.
 */
static const char *heredoc_delim(struct parser *p, const struct word *w, bool *quoted)
{
    struct strbuf sb = STRBUF_INIT;
    *quoted = false;
    if (lex_source(p->lx) != NULL)
        return delim_unquote(p, lex_source(p->lx), quoted);
    for (const struct wpart *wp = w->parts; wp != NULL; wp = wp->next) {
        if (wp->kind == WP_LITERAL) {
            sb_puts(&sb, wp->u.text);
            continue;
        }
        if (wp->kind != WP_QUOTED && wp->kind != WP_DQUOTED) {
            delim_expansion_text(&sb, wp);
            continue;
        }
        *quoted = true;
        if (wp->kind == WP_QUOTED)
            sb_puts(&sb, wp->u.text);
        for (const struct wpart *in = wp->kind == WP_DQUOTED ? wp->u.inner : NULL; in; in = in->next) {
            if (in->kind == WP_QUOTED)
                sb_puts(&sb, in->u.text);
            else
                delim_expansion_text(&sb, in);
        }
    }
    const char *d = arena_strndup(p->a, sb_str(&sb), sb.len);
    sb_free(&sb);
    return d;
}

/*
 * io_redirect : [IO_NUMBER] io_file | [IO_NUMBER] io_here
 * io_file     : ('<' | '<&' | '>' | '>&' | '>>' | '<>' | '>|') filename
 * io_here     : ('<<' | '<<-') here_end
 */
static struct redir *parse_io_redirect(struct parser *p)
{
    struct redir *r = arena_zalloc(p->a, sizeof *r);
    r->pos = peek(p)->pos;
    r->fd = -1;
    if (at(p, TOK_IO_NUMBER)) {
        r->fd = p->tok.io_number;
        advance(p);
    }
    enum tok_kind k = peek(p)->kind;
    if (!is_redir_op(k))
        return (struct redir *)syntax_error(p);
    advance(p);
    r->op = redir_op_of(k);
    if (r->fd < 0)
        r->fd = (r->op == R_IN || r->op == R_RDWR || r->op == R_DUP_IN || r->op == R_HEREDOC) ? 0 : 1;
    if (r->op == R_HEREDOC)
        lex_want_source(p->lx);             /* the delimiter is the word as written */
    if (!at(p, TOK_WORD))
        return (struct redir *)syntax_error(p);
    struct word *w = p->tok.word;
    advance(p);
    if (r->op != R_HEREDOC) {
        r->target = w;
        return r;
    }
    bool quoted;
    const char *delim = heredoc_delim(p, w, &quoted);
    lex_add_heredoc(p->lx, r, delim, quoted, k == TOK_DLESSDASH);
    return r;
}

/* redirect_list : io_redirect { io_redirect }   (appended to *TAIL) */
static bool parse_redirect_list(struct parser *p, struct redir ***tail)
{
    while (at(p, TOK_IO_NUMBER) || is_redir_op(peek(p)->kind)) {
        struct redir *r = parse_io_redirect(p);
        if (r == NULL)
            return false;
        **tail = r;
        *tail = &r->next;
    }
    return true;
}

static struct redir **redir_tail(struct node *n)
{
    struct redir **tail = &n->redirs;
    while (*tail != NULL)
        tail = &(*tail)->next;
    return tail;
}

/* ==== Simple commands and functions ==== */

/* Is W an assignment: an unquoted NAME followed by '=' at its start? */
static bool is_assignment(const struct word *w)
{
    const struct wpart *wp = w->parts;
    if (wp == NULL || wp->kind != WP_LITERAL)
        return false;
    const char *s = wp->u.text;     /* one pass: the name, then its '=' */
    for (;; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                  || (s > wp->u.text && c >= '0' && c <= '9');
        if (!ok)
            break;
    }
    return *s == '=' && s > wp->u.text;
}

/*
 * function_definition : fname '(' ')' linebreak function_body
 * function_body       : compound_command [redirect_list]
 */
static struct node *parse_function_definition(struct parser *p, struct node *cmd)
{
    const char *name = lex_word_literal(cmd->u.simple.words);
    advance(p);                                 /* '(' */
    if (name == NULL || !lex_is_name(name)) {
        lex_error_msg(p->lx, cmd->pos.line, "bad function name");
        return NULL;
    }
    if (!accept(p, TOK_RPAREN))
        return syntax_error(p);
    parse_linebreak(p);
    struct node *body = parse_command(p);
    if (body == NULL)
        return NULL;
    if (body->kind == N_SIMPLE || body->kind == N_FUNCDEF) {
        lex_error_msg(p->lx, body->pos.line, "function body must be a compound command");
        return NULL;
    }
    struct node *n = ast_node(p->a, N_FUNCDEF, cmd->pos);
    n->u.func.name = name;
    n->u.func.body = body;
    return n;
}

/* The next word of a simple command: an alias is substituted after a blank-ended alias. */
static struct token *peek_suffix_word(struct parser *p)
{
    struct token *t = peek(p);
    /* alias_next: `alias a='b '` before this word; the lexer's flag: the
     * blank ends an outer alias (`alias a2='a1 two '` with a1 inside) */
    if (!p->alias_next && !lex_after_blank_alias(p->lx))
        return t;
    p->alias_next = false;
    return peek_command(p);
}

/*
 * simple_command : cmd_prefix [cmd_word [cmd_suffix]] | cmd_name [cmd_suffix]
 * cmd_prefix     : { io_redirect | ASSIGNMENT_WORD }
 * cmd_suffix     : { io_redirect | WORD }
 */
static struct node *parse_simple_command(struct parser *p)
{
    struct node *n = ast_node(p->a, N_SIMPLE, peek(p)->pos);
    struct word **assigns = &n->u.simple.assigns, **words = &n->u.simple.words;
    struct redir **redirs = &n->redirs;
    for (;;) {
        struct token *t = n->u.simple.words ? peek_suffix_word(p) : peek_command(p);
        if (t->kind == TOK_IO_NUMBER || is_redir_op(t->kind)) {
            if (!parse_redirect_list(p, &redirs))
                return NULL;
        } else if (t->kind == TOK_WORD && !n->u.simple.words && is_assignment(t->word)) {
            *assigns = t->word;
            assigns = &t->word->next;
            advance(p);
        } else if (t->kind == TOK_WORD) {
            *words = t->word;
            words = &t->word->next;
            advance(p);
        } else {
            break;
        }
    }
    if (at(p, TOK_LPAREN) && n->u.simple.words && !n->u.simple.words->next
        && !n->u.simple.assigns && !n->redirs)
        return parse_function_definition(p, n);
    if (!n->u.simple.words && !n->u.simple.assigns && !n->redirs)
        return syntax_error(p);
    return n;
}

/* ==== Compound commands ==== */

/* brace_group : '{' compound_list '}' */
static struct node *parse_brace_group(struct parser *p)
{
    struct node *n = ast_node(p->a, N_GROUP, peek(p)->pos);
    advance(p);
    n->u.group.body = parse_compound_list(p);
    if (n->u.group.body == NULL || !expect_word(p, RW_RBRACE))
        return NULL;
    return n;
}

/* subshell : '(' compound_list ')' */
static struct node *parse_subshell(struct parser *p)
{
    struct node *n = ast_node(p->a, N_SUBSHELL, peek(p)->pos);
    advance(p);
    n->u.group.body = parse_compound_list(p);
    if (n->u.group.body == NULL)
        return NULL;
    if (!accept(p, TOK_RPAREN))
        return syntax_error(p);
    return n;
}

/* do_group : Do compound_list Done */
static struct node *parse_do_group(struct parser *p)
{
    if (!expect_word(p, RW_DO))
        return NULL;
    struct node *body = parse_compound_list(p);
    if (body == NULL || !expect_word(p, RW_DONE))
        return NULL;
    return body;
}

/*
 * if_clause : If compound_list Then compound_list else_part Fi
 *           | If compound_list Then compound_list Fi
 * else_part : Elif compound_list Then compound_list [else_part]
 *           | Else compound_list
 * (the Elif branch is an N_IF in u.if_.els, so it reuses this function)
 */
static struct node *parse_if_clause(struct parser *p)
{
    struct node *n = ast_node(p->a, N_IF, peek(p)->pos);
    advance(p);                                 /* if or elif */
    n->u.if_.cond = parse_compound_list(p);
    if (n->u.if_.cond == NULL || !expect_word(p, RW_THEN))
        return NULL;
    n->u.if_.then = parse_compound_list(p);
    if (n->u.if_.then == NULL)
        return NULL;
    if (at_word(p, RW_ELIF)) {
        n->u.if_.els = parse_if_clause(p);     /* consumes the closing fi */
        return n->u.if_.els ? n : NULL;
    }
    if (accept_word(p, RW_ELSE)) {
        n->u.if_.els = parse_compound_list(p);
        if (n->u.if_.els == NULL)
            return NULL;
    }
    return expect_word(p, RW_FI) ? n : NULL;
}

/*
 * while_clause : While compound_list do_group
 * until_clause : Until compound_list do_group
 */
static struct node *parse_while_clause(struct parser *p, enum node_kind kind)
{
    struct node *n = ast_node(p->a, kind, peek(p)->pos);
    advance(p);
    n->u.loop.cond = parse_compound_list(p);
    if (n->u.loop.cond == NULL)
        return NULL;
    n->u.loop.body = parse_do_group(p);
    return n->u.loop.body ? n : NULL;
}

/* wordlist : { WORD }   (up to ';' or newline; reserved words are plain here) */
static bool parse_wordlist(struct parser *p, struct word **out)
{
    while (at(p, TOK_WORD)) {
        *out = p->tok.word;
        out = &p->tok.word->next;
        advance(p);
    }
    return true;
}

/*
 * for_clause : For name [linebreak In [wordlist] sequential_sep] do_group
 *            | For name sequential_sep do_group
 * sequential_sep : ';' linebreak | newline_list
 */
static struct node *parse_for_clause(struct parser *p)
{
    struct node *n = ast_node(p->a, N_FOR, peek(p)->pos);
    advance(p);
    const char *name = at(p, TOK_WORD) ? lex_word_literal(p->tok.word) : NULL;
    if (name == NULL || !lex_is_name(name))
        return syntax_error(p);
    n->u.for_.var = name;
    advance(p);
    parse_linebreak(p);
    if (accept_word(p, RW_IN)) {
        n->u.for_.has_in = true;
        parse_wordlist(p, &n->u.for_.words);
        if (!accept(p, TOK_SEMI) && !at(p, TOK_NEWLINE))
            return syntax_error(p);
        peek_command_after_linebreak(p);        /* `do` may come from an alias */
    } else if (accept(p, TOK_SEMI)) {
        peek_command_after_linebreak(p);
    }
    n->u.for_.body = parse_do_group(p);
    return n->u.for_.body ? n : NULL;
}

/* pattern : WORD { '|' WORD }   (any word, even esac, after '(') */
static bool parse_pattern(struct parser *p, struct case_item *ci)
{
    struct word **tail = &ci->patterns;
    do {
        if (!at(p, TOK_WORD)) {
            syntax_error(p);
            return false;
        }
        *tail = p->tok.word;
        tail = &p->tok.word->next;
        advance(p);
    } while (accept(p, TOK_PIPE));
    return true;
}

/*
 * case_item : ['('] pattern ')' (linebreak | compound_list) [(';;' | ';&') linebreak]
 * (only the last item may omit its ';;')
 */
static struct case_item *parse_case_item(struct parser *p)
{
    struct case_item *ci = arena_zalloc(p->a, sizeof *ci);
    accept(p, TOK_LPAREN);
    if (!parse_pattern(p, ci))
        return NULL;
    if (!accept(p, TOK_RPAREN))
        return (struct case_item *)syntax_error(p);
    parse_linebreak(p);
    if (!at(p, TOK_DSEMI) && !at(p, TOK_SEMI_AND) && !at_word(p, RW_ESAC)) {
        ci->body = parse_compound_list(p);
        if (ci->body == NULL)
            return NULL;
    }
    if (accept(p, TOK_SEMI_AND))
        ci->fallthrough = true;
    else if (!accept(p, TOK_DSEMI) && !at_word(p, RW_ESAC))
        return (struct case_item *)syntax_error(p);
    parse_linebreak(p);
    return ci;
}

/* case_clause : Case WORD linebreak In linebreak { case_item } Esac */
static struct node *parse_case_clause(struct parser *p)
{
    struct node *n = ast_node(p->a, N_CASE, peek(p)->pos);
    advance(p);
    if (!at(p, TOK_WORD))
        return syntax_error(p);
    n->u.case_.subject = p->tok.word;
    advance(p);
    parse_linebreak(p);
    if (!expect_word(p, RW_IN))
        return NULL;
    parse_linebreak(p);
    struct case_item **tail = &n->u.case_.items;
    while (!accept_word(p, RW_ESAC)) {
        struct case_item *ci = parse_case_item(p);
        if (ci == NULL)
            return NULL;
        *tail = ci;
        tail = &ci->next;
    }
    return n;
}

/* Enter one level of nesting; false (error printed) when too deep. */
static bool enter(struct parser *p)
{
    if (++p->shared.depth <= LEX_MAX_DEPTH)
        return true;
    p->shared.depth--;
    lex_error_msg(p->lx, peek(p)->pos.line, "nesting too deep");
    return false;
}

/* The compound command the lookahead starts, without its redirections. */
static struct node *parse_compound_body(struct parser *p)
{
    if (at(p, TOK_LPAREN))
        return parse_subshell(p);
    if (at_word(p, RW_LBRACE))
        return parse_brace_group(p);
    if (at_word(p, RW_IF))
        return parse_if_clause(p);
    if (at_word(p, RW_WHILE))
        return parse_while_clause(p, N_WHILE);
    if (at_word(p, RW_UNTIL))
        return parse_while_clause(p, N_UNTIL);
    if (at_word(p, RW_FOR))
        return parse_for_clause(p);
    return parse_case_clause(p);
}

/*
 * compound_command : brace_group | subshell | for_clause | case_clause
 *                  | if_clause | while_clause | until_clause
 * (with the redirect_list of `command` that may follow it)
 */
static struct node *parse_compound_command(struct parser *p)
{
    if (!enter(p))
        return NULL;
    struct node *n = parse_compound_body(p);
    p->shared.depth--;
    if (n == NULL)
        return NULL;
    struct redir **tail = redir_tail(n);
    return parse_redirect_list(p, &tail) ? n : NULL;
}

static bool at_compound_start(struct parser *p)
{
    if (at(p, TOK_LPAREN))
        return true;
    switch (p->tok_rw) {
    case RW_LBRACE: case RW_IF: case RW_WHILE: case RW_UNTIL: case RW_FOR: case RW_CASE:
        return true;
    default:
        return false;
    }
}

/* command : simple_command | compound_command [redirect_list] | function_definition */
static struct node *parse_command(struct parser *p)
{
    struct token *t = peek_command(p);
    if (at_compound_start(p))
        return parse_compound_command(p);
    if (p->tok_rw != RW_NONE && p->tok_rw != RW_BANG)
        return syntax_error(p);                 /* then, fi, done, ... out of place */
    if (t->kind != TOK_WORD && t->kind != TOK_IO_NUMBER && !is_redir_op(t->kind))
        return syntax_error(p);
    return parse_simple_command(p);
}

/* ==== Lists ==== */

/* pipe_sequence : command { '|' linebreak command } */
static struct node *parse_pipe_sequence(struct parser *p, bool negated, struct src_pos pos)
{
    struct node *first = parse_command(p);
    if (first == NULL)
        return NULL;
    if (!at(p, TOK_PIPE) && !negated)
        return first;
    struct node *n = ast_node(p->a, N_PIPELINE, pos);
    size_t cap = 4;
    n->u.pipeline.negated = negated;
    n->u.pipeline.stages = arena_alloc(p->a, cap * sizeof *n->u.pipeline.stages);
    n->u.pipeline.stages[n->u.pipeline.nstages++] = first;
    while (accept(p, TOK_PIPE)) {
        peek_command_after_linebreak(p);
        struct node *cmd = parse_command(p);
        if (cmd == NULL)
            return NULL;
        if (n->u.pipeline.nstages == cap) {     /* grow by copying: the arena never frees */
            struct node **bigger = arena_alloc(p->a, 2 * cap * sizeof *bigger);
            memcpy(bigger, n->u.pipeline.stages, cap * sizeof *bigger);
            n->u.pipeline.stages = bigger;
            cap *= 2;
        }
        n->u.pipeline.stages[n->u.pipeline.nstages++] = cmd;
    }
    return n;
}

/* pipeline : ['!'] pipe_sequence */
static struct node *parse_pipeline(struct parser *p)
{
    struct src_pos pos = peek_command(p)->pos;
    bool negated = false;
    while (accept_word(p, RW_BANG))
        negated = !negated;                     /* "! ! cmd" negates twice */
    return parse_pipe_sequence(p, negated, pos);
}

/* and_or : pipeline { ('&&' | '||') linebreak pipeline } */
static struct node *parse_and_or(struct parser *p)
{
    struct node *left = parse_pipeline(p);
    while (left != NULL && (at(p, TOK_AND_IF) || at(p, TOK_OR_IF))) {
        struct node *n = ast_node(p->a, at(p, TOK_AND_IF) ? N_AND : N_OR, left->pos);
        advance(p);
        peek_command_after_linebreak(p);
        n->u.binary.left = left;
        n->u.binary.right = parse_pipeline(p);
        left = n->u.binary.right ? n : NULL;
    }
    return left;
}

/* Wrap N in an N_BACKGROUND node. */
static struct node *background(struct parser *p, struct node *n)
{
    struct node *bg = ast_node(p->a, N_BACKGROUND, n->pos);
    bg->u.group.body = n;
    return bg;
}

/* Append N to the N_SEQ chain whose open end is *TAIL (right-nested: a; (b; c)). */
static void seq_append(struct parser *p, struct node ***tail, struct node *n)
{
    if (**tail == NULL) {
        **tail = n;
        return;
    }
    struct node *seq = ast_node(p->a, N_SEQ, (**tail)->pos);
    seq->u.binary.left = **tail;
    seq->u.binary.right = n;
    **tail = seq;
    *tail = &seq->u.binary.right;
}

/*
 * term      : and_or { separator and_or } [separator]
 * separator : separator_op linebreak | newline_list
 */
static struct node *parse_term(struct parser *p)
{
    struct node *list = NULL, **tail = &list;
    for (;;) {
        struct node *n = parse_and_or(p);
        if (n == NULL)
            return NULL;
        if (accept(p, TOK_AMP))
            n = background(p, n);
        else if (!accept(p, TOK_SEMI) && !at(p, TOK_NEWLINE)) {
            seq_append(p, &tail, n);
            return list;
        }
        seq_append(p, &tail, n);
        peek_command_after_linebreak(p);
        if (at_list_end(p))
            return list;
    }
}

/* compound_list : linebreak term [separator] */
static struct node *parse_compound_list(struct parser *p)
{
    peek_command_after_linebreak(p);
    if (at_list_end(p))
        return syntax_error(p);                 /* POSIX wants at least one command */
    return parse_term(p);
}

/* list : and_or { separator_op and_or } [separator_op]   (ends at a newline) */
static struct node *parse_list(struct parser *p)
{
    struct node *list = NULL, **tail = &list;
    for (;;) {
        struct node *n = parse_and_or(p);
        if (n == NULL)
            return NULL;
        if (accept(p, TOK_AMP))
            n = background(p, n);
        else if (!accept(p, TOK_SEMI)) {
            seq_append(p, &tail, n);
            return list;
        }
        seq_append(p, &tail, n);
        if (at(p, TOK_NEWLINE) || at(p, TOK_EOF))
            return list;
    }
}

/* complete_command : list [separator_op] (NEWLINE | end of input) */
static struct node *parse_complete_command(struct parser *p)
{
    struct node *n = parse_list(p);
    if (n == NULL)
        return NULL;
    if (accept(p, TOK_NEWLINE) || at(p, TOK_EOF))
        return n;
    return syntax_error(p);
}

/* ==== $(...) and `...` ==== */

/* The commands of $(...) up to ')', or of `...` up to the end of its text. */
static struct node *parse_subparse_body(struct parser *p, bool to_rparen)
{
    /* in command position: an alias may give nothing, and then the body is
     * empty (`$(e )` with alias e='', as in dash) */
    peek_command_after_linebreak(p);
    if ((to_rparen && at(p, TOK_RPAREN)) || (!to_rparen && at(p, TOK_EOF)))
        return NULL;
    struct node *n = parse_compound_list(p);
    if (n == NULL)
        return NULL;
    if ((to_rparen && at(p, TOK_RPAREN)) || (!to_rparen && at(p, TOK_EOF)))
        return n;
    return syntax_error(p);
}

/* lex_subparse_fn: the lexer hands $( and `...` back to the parser. */
static int parse_subparse(void *ctx, struct lexer *lx, bool to_rparen, struct node **out)
{
    struct parser *p = ctx;
    struct lexer *saved_lx = p->lx;
    struct token saved_tok = p->tok;
    const char *saved_lit = p->tok_lit;
    enum rword saved_rw = p->tok_rw;
    bool saved_have = p->have_tok, saved_alias_next = p->alias_next;
    p->lx = lx;
    p->have_tok = false;
    p->alias_next = false;
    *out = parse_subparse_body(p, to_rparen);
    /* the ')' was the lookahead: consumed without reading past it */
    p->lx = saved_lx;
    p->tok = saved_tok;
    p->tok_lit = saved_lit;
    p->tok_rw = saved_rw;
    p->have_tok = saved_have;
    p->alias_next = saved_alias_next;
    return failed(p) ? -1 : 0;
}

/* ==== The public interface ==== */

struct parser *parser_new(parse_reader_fn *read, void *ctx)
{
    struct parser *p = xcalloc(1, sizeof *p);
    p->shared.subparse = parse_subparse;
    p->shared.subparse_ctx = p;
    lex_init(&p->root, read, ctx, &p->shared, 0);
    p->lx = &p->root;
    return p;
}

struct parser *parser_new_string(const char *text)
{
    struct lex_string *s = xcalloc(1, sizeof *s);
    char *copy = xstrdup(text);
    s->text = copy;
    struct parser *p = parser_new(lex_string_read, s);
    p->str = s;
    p->text = copy;
    return p;
}

void parser_free(struct parser *p)
{
    if (p == NULL)
        return;
    lex_free(&p->root);
    free(p->str);
    free(p->text);
    free(p);
}

void parser_set_alias(struct parser *p, parse_alias_fn *fn, void *ctx)
{
    p->alias = fn;
    p->alias_ctx = ctx;
}

void parser_set_interactive(struct parser *p, bool interactive)
{
    p->shared.interactive = interactive;
}

enum parse_status parser_next(struct parser *p, struct arena *a, struct node **out)
{
    p->a = a;
    p->shared.arena = a;
    p->shared.failed = false;
    p->shared.depth = 0;
    p->have_tok = false;
    p->alias_next = false;
    p->lx = &p->root;
    *out = NULL;
    lex_start_command(p->lx);
    peek_command(p);                            /* an alias may give nothing but the newline */
    if (accept(p, TOK_NEWLINE))
        return PARSE_OK;                        /* a blank or comment-only line */
    if (at(p, TOK_EOF)) {
        p->have_tok = false;
        return PARSE_EOF;
    }
    *out = parse_complete_command(p);
    p->have_tok = false;                        /* never keep a token of this arena */
    if (!failed(p) && *out != NULL)
        return PARSE_OK;
    *out = NULL;
    lex_skip_line(p->lx);
    return PARSE_ERROR;
}

enum parse_status parser_all(struct parser *p, struct arena *a, struct node **out)
{
    struct node *all = NULL, **tail = &all;
    enum parse_status st;
    struct node *n;
    p->a = a;
    *out = NULL;
    while ((st = parser_next(p, a, &n)) != PARSE_EOF) {
        if (st == PARSE_ERROR)
            return PARSE_ERROR;
        if (n != NULL)
            seq_append(p, &tail, n);
    }
    *out = all;
    return PARSE_OK;
}

struct word *parser_text_word(struct arena *a, const char *text, int line)
{
    struct parser *p = parser_new_string("");
    p->a = a;
    p->shared.arena = a;
    struct word *w = ast_word(a, (struct src_pos){ line, 1 });
    w->parts = ast_wpart(a, WP_DQUOTED);
    int rc = lex_body_parts(&p->shared, text, line - 1, &w->parts->u.inner);
    parser_free(p);
    return rc == 0 ? w : NULL;
}

int parser_line(const struct parser *p)
{
    return p->root.lineno;
}
