/*
 * lexer.h -- shell text to tokens, pulling one line at a time from a reader
 * (like Lua's llex over a ZIO), with quoting kept in the word parts.
 *
 * Owns: quoting, operators, IO_NUMBER, source positions, here-document
 *       bodies, the alias text stack, the nesting limit.
 * Never: decides what a word means (reserved words, assignments and
 *        aliases are the parser's choice) or includes parser.h: $(...) and
 *        `...` are handed back to the parser through lex_subparse_fn.
 */
#ifndef MINISH_LEXER_H
#define MINISH_LEXER_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "strbuf.h"

enum { LEX_MAX_DEPTH = 1000 };  /* nesting of ( { $( " ${ if ...: deeper is an error */

enum tok_kind {
    TOK_WORD, TOK_IO_NUMBER, TOK_NEWLINE, TOK_EOF,
    TOK_PIPE,       /* |   */
    TOK_OR_IF,      /* ||  */
    TOK_AMP,        /* &   */
    TOK_AND_IF,     /* &&  */
    TOK_SEMI,       /* ;   */
    TOK_DSEMI,      /* ;;  */
    TOK_SEMI_AND,   /* ;&  */
    TOK_LPAREN,     /* (   */
    TOK_RPAREN,     /* )   */
    TOK_LESS,       /* <   */
    TOK_GREAT,      /* >   */
    TOK_DGREAT,     /* >>  */
    TOK_CLOBBER,    /* >|  */
    TOK_LESSGREAT,  /* <>  */
    TOK_LESSAND,    /* <&  */
    TOK_GREATAND,   /* >&  */
    TOK_DLESS,      /* <<  */
    TOK_DLESSDASH,  /* <<- */
    TOK_ERROR       /* the lexer printed a syntax error */
};

struct token {
    enum tok_kind kind;
    struct src_pos pos;     /* where the token starts */
    struct word *word;      /* TOK_WORD: its parts, in the lexer's arena */
    int io_number;          /* TOK_IO_NUMBER: the descriptor */
};

/* Same shape as parse_reader_fn (parser.h), so a parser passes its reader on. */
typedef const char *lex_reader_fn(void *ctx, bool continuation, size_t *len);

struct lexer;

/*
 * Parse a command list for $(...) (TO_RPAREN: up to and including the ')')
 * or for the text of `...` (to the end of LX's input).  Sets *out (NULL for
 * an empty command).  Returns 0, or -1 after an error was printed.
 */
typedef int lex_subparse_fn(void *ctx, struct lexer *lx, bool to_rparen, struct node **out);

/* State shared by a lexer and the sub-lexers of its `...` and here-documents. */
struct lex_shared {
    struct arena *arena;        /* where words are allocated (the current command's) */
    lex_subparse_fn *subparse;  /* installed by the parser; NULL: $( ) is an error */
    void *subparse_ctx;
    int depth;                  /* current nesting, limited to LEX_MAX_DEPTH */
    bool failed;                /* an error was printed for this command: print no more */
    bool interactive;           /* errors show the line and a caret */
};

struct lex_alias;               /* a pushed alias text (lexer.c) */
struct lex_heredoc;             /* a here-document waiting for its body (lexer.c) */

struct lexer {
    lex_reader_fn *read;        /* where lines come from */
    void *read_ctx;
    const char *line;           /* the current line (the reader's), NULL before/after input */
    size_t pos, len;            /* next character and length of LINE */
    int lineno;                 /* 1-based number of LINE */
    bool eof;                   /* the reader returned NULL: it is not asked again */
    bool started;               /* a line of this command was read: next ones continue it */
    bool raw;                   /* peek() keeps backslash-newline (quotes, comments, after '\\') */
    struct lex_alias *aliases;  /* alias texts being read, innermost first (heap) */
    bool after_blank_alias;     /* the last token came right after a blank-ended alias text */
    struct lex_heredoc *heredocs, **heredoc_tail; /* bodies to read after the next newline */
    struct strbuf sb;           /* text of the part being built */
    struct strbuf nb;           /* a parameter name being read */
    bool want_src;              /* lex_want_source: keep the next word's source text */
    bool in_delim;              /* reading a here-document delimiter: $( is plain text */
    const char *src;            /* that text (arena), or NULL when it spans lines */
    struct lex_shared *shared;
};

/* A reader over a NUL-terminated string, one line per call (for -c, eval,
 * `...`, `.`): each line is a pointer into TEXT, not a copy. */
struct lex_string {
    const char *text;           /* not owned; must outlive the lexer */
    size_t pos;
};
const char *lex_string_read(void *ctx, bool continuation, size_t *len);

/* Set LX up to read from READ/CTX, sharing SHARED.  LINENO is the line before the first. */
void lex_init(struct lexer *lx, lex_reader_fn *read, void *ctx, struct lex_shared *shared,
              int lineno);
/*
 * Did the token just read follow the end of an alias text that ends in a
 * blank?  POSIX: then that word is checked for an alias too (`alias a='b '`).
 */
bool lex_after_blank_alias(const struct lexer *lx);

/* Free the lexer's buffers and pushed aliases (not the lexer itself). */
void lex_free(struct lexer *lx);

/* A new command starts: its first line is read with continuation == false. */
void lex_start_command(struct lexer *lx);
/* Scan the next token into *T.  Never fails silently: errors give TOK_ERROR. */
void lex_next(struct lexer *lx, struct token *t);
/* After a syntax error: forget the rest of the current line, aliases, heredocs. */
void lex_skip_line(struct lexer *lx);

/*
 * Register a here-document whose body starts after the next newline.  R's
 * target and heredoc_quoted are filled in then.  DELIM is copied.
 */
void lex_add_heredoc(struct lexer *lx, struct redir *r, const char *delim, bool quoted,
                     bool strip_tabs);

/* TEXT parsed as the body of an unquoted here-document (as inside "...",
 * where '"' is plain): $ expansions, `...` and backslashes.  For PS4 too.
 * 0, or -1 after a syntax error (printed); *OUT in SHARED's arena. */
int lex_body_parts(struct lex_shared *shared, const char *text, int line, struct wpart **out);

/*
 * Keep the source text of the next token if it is a word on one line (a
 * here-document delimiter is that text with its quotes removed, nothing
 * expanded: `<<${a}` ends at a line "${a}").  lex_source() gives it, or
 * NULL when the word spanned lines or came from an alias.
 */
void lex_want_source(struct lexer *lx);
const char *lex_source(const struct lexer *lx);

/* Read the replacement TEXT of alias NAME before the rest of the input. */
void lex_push_alias(struct lexer *lx, const char *name, const char *text);
/* Is alias NAME being substituted now (the guard against recursive aliases)? */
bool lex_alias_active(const struct lexer *lx, const char *name);

/* The text of W if it is one unquoted literal part, else NULL. */
const char *lex_word_literal(const struct word *w);
/* Is S a NAME: [A-Za-z_][A-Za-z0-9_]* ? */
bool lex_is_name(const char *s);
/* How a token is shown in "syntax error near 'X'" (uses SB for words). */
const char *lex_token_text(const struct token *t, struct strbuf *sb);

/* Print "syntax error near 'X'" for T (once per command; caret when interactive). */
void lex_error_near(struct lexer *lx, const struct token *t);
/* Print "syntax error: MSG" at LINE (once per command). */
void lex_error_msg(struct lexer *lx, int line, const char *msg);

#endif
