/*
 * parser.h -- recursive descent over the POSIX shell grammar, one function
 * per rule, producing the command tree of ast.h.
 *
 * Owns: the grammar (docs/grammar.md), reserved words, alias substitution,
 *       here-document bodies, syntax errors.
 * Never: reads a file or terminal itself (it asks its reader for lines),
 *        expands or runs anything.
 */
#ifndef MINISH_PARSER_H
#define MINISH_PARSER_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"

/*
 * Returns the next line of input, with its '\n' (the last line of a file may
 * lack it), or NULL at end of input.  CONTINUATION is true when the line
 * continues an unfinished command, so an interactive reader prompts with PS2.
 * The string must stay valid until the next call.  *LEN is set to the
 * line's length: the string may go on after it (a reader over a whole text
 * hands out pointers into it instead of copying each line), and a line may
 * hold more newlines (a multi-line entry recalled from the history).
 */
typedef const char *parse_reader_fn(void *ctx, bool continuation, size_t *len);

/* Returns the replacement text of alias NAME, or NULL if there is none. */
typedef const char *parse_alias_fn(void *ctx, const char *name);

enum parse_status {
    PARSE_OK,       /* *out is a command, or NULL for a blank or comment-only line */
    PARSE_EOF,      /* no more input */
    PARSE_ERROR     /* a syntax error was printed; the rest of that line was skipped */
};

struct parser;

struct parser *parser_new(parse_reader_fn *read, void *ctx);
/* A parser over a copy of TEXT (for -c, eval, ., trap actions, tests). */
struct parser *parser_new_string(const char *text);
void parser_free(struct parser *p);

/* Substitute aliases for command words (off until this is called). */
void parser_set_alias(struct parser *p, parse_alias_fn *fn, void *ctx);
/* Interactive: syntax errors also show the line with a caret under the token. */
void parser_set_interactive(struct parser *p, bool interactive);

/*
 * Parse one complete command: a list up to an unquoted newline (and the
 * here-document bodies that follow it) or the end of input.  Nodes and
 * strings are allocated in A.  A syntax error returns PARSE_ERROR after
 * printing "minish: line N: syntax error near 'X'" (status 2 is the caller's).
 */
enum parse_status parser_next(struct parser *p, struct arena *a, struct node **out);

/*
 * Parse all remaining input into one tree (commands joined by N_SEQ; NULL if
 * there were none).  For --ast, -n and the tests.  Stops at the first error.
 */
enum parse_status parser_all(struct parser *p, struct arena *a, struct node **out);

/* The line number the parser has reached (for error messages of the caller). */
/*
 * TEXT as one word parsed like an unquoted here-document body (inside
 * "...", where '"' is plain), its $(...) and `...` parsed too: PS4 is
 * expanded from it.  NULL after a syntax error (printed, at LINE).  In
 * arena A.
 */
struct word *parser_text_word(struct arena *a, const char *text, int line);

int parser_line(const struct parser *p);

#endif
