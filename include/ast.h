/*
 * ast.h -- the command tree: words, redirections and command nodes.
 *
 * Owns: the shape of a parsed command, its constructors' conventions,
 *       `minish --ast` (ast_dump) and turning a tree back into shell text
 *       (ast_text, for `jobs` and `type`).
 * Never: runs or expands anything.  Every node lives in the arena it was
 *        parsed into.
 */
#ifndef MINISH_AST_H
#define MINISH_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "strbuf.h"

struct src_pos {
    int line;   /* 1-based line of the input */
    int col;    /* 1-based column */
};

struct node;

/* ==== Words ==== */

/*
 * A word is a list of parts, so that the expander knows which characters
 * were quoted.  `a"$b"'c'\d$(e)` is five parts:
 *   LITERAL "a", DQUOTED [PARAM b], QUOTED "c", QUOTED "d", CMDSUB e.
 */
enum wpart_kind {
    WP_LITERAL,     /* unquoted text: tilde, glob and nothing else apply */
    WP_QUOTED,      /* protected text: from '...', a backslash escape, or text inside "..." */
    WP_DQUOTED,     /* "...": u.inner holds LITERAL-free parts (QUOTED, PARAM, CMDSUB, ARITH) */
    WP_PARAM,       /* $name ${name} ${name OP word}; u.param */
    WP_CMDSUB,      /* $(...) or `...`; u.cmd (NULL for an empty command) */
    WP_ARITH        /* $((...)); u.inner holds the expression's parts */
};

enum param_op {
    PO_NONE,        /* $x ${x} */
    PO_DEFAULT,     /* ${x-w}  ${x:-w} */
    PO_ASSIGN,      /* ${x=w}  ${x:=w} */
    PO_ERROR,       /* ${x?w}  ${x:?w} */
    PO_ALT,         /* ${x+w}  ${x:+w} */
    PO_LENGTH,      /* ${#x} */
    PO_RM_SSUFFIX,  /* ${x%p}  smallest suffix */
    PO_RM_LSUFFIX,  /* ${x%%p} largest suffix */
    PO_RM_SPREFIX,  /* ${x#p}  smallest prefix */
    PO_RM_LPREFIX,  /* ${x##p} largest prefix */
    PO_BAD          /* ${)} ${x/y}: no valid form; name holds the text up to arg
                     * (here "" and "x"), and expanding it is the error (as dash) */
};

struct wpart {
    enum wpart_kind kind;
    struct wpart *next;
    union {
        const char *text;           /* WP_LITERAL, WP_QUOTED */
        struct wpart *inner;        /* WP_DQUOTED, WP_ARITH */
        struct {
            const char *name;       /* "x", "10", "@", "*", "#", "?", "-", "$", "!", "0" */
            enum param_op op;
            bool colon;             /* ':' form: also test for an empty value */
            struct wpart *arg;      /* the word or pattern after OP (may be NULL = empty) */
        } param;
        struct node *cmd;           /* WP_CMDSUB */
    } u;
};

struct word {
    struct wpart *parts;            /* NULL never: an empty "" is one DQUOTED part with inner NULL */
    struct src_pos pos;
    struct word *next;              /* the next word of the same list */
};

/* ==== Redirections ==== */

enum redir_op {
    R_IN,           /* <    */
    R_OUT,          /* >    */
    R_CLOBBER,      /* >|   */
    R_APPEND,       /* >>   */
    R_RDWR,         /* <>   */
    R_DUP_IN,       /* <&   */
    R_DUP_OUT,      /* >&   */
    R_HEREDOC       /* << and <<- */
};

struct redir {
    enum redir_op op;
    int fd;                 /* fd redirected: the IO_NUMBER, else 0 for < <> <& <<, 1 otherwise */
    struct word *target;    /* file name, fd number or "-"; for R_HEREDOC the body (see below) */
    bool heredoc_quoted;    /* R_HEREDOC: the delimiter had quotes: body is one QUOTED part */
    struct src_pos pos;
    struct redir *next;
};
/*
 * A here-document body with an unquoted delimiter is parsed as if it were
 * inside double quotes: its word has one WP_DQUOTED part whose inner parts
 * are QUOTED text, PARAM, CMDSUB and ARITH.  <<- has already stripped the
 * leading tabs.  The body includes its final newline.
 */

/* ==== Commands ==== */

enum node_kind {
    N_SIMPLE,       /* assignments, words, redirections */
    N_PIPELINE,     /* [!] a | b | c   (a single command with ! is a 1-stage pipeline) */
    N_AND,          /* a && b */
    N_OR,           /* a || b */
    N_SEQ,          /* a ; b   and   a <newline> b */
    N_BACKGROUND,   /* a &     (the body runs as a background job) */
    N_SUBSHELL,     /* ( list ) */
    N_GROUP,        /* { list; } */
    N_IF,           /* if c; then t; [elif ...;] [else e;] fi   (elif nests an N_IF in u.if_.els) */
    N_WHILE,        /* while c; do b; done */
    N_UNTIL,        /* until c; do b; done */
    N_FOR,          /* for v [in words]; do b; done */
    N_CASE,         /* case w in p|q) list;; esac */
    N_FUNCDEF       /* name() compound-command */
};

struct case_item {
    struct word *patterns;          /* p | q | ... */
    struct node *body;              /* may be NULL: an empty item */
    bool fallthrough;               /* ended with ;& instead of ;; */
    struct case_item *next;
};

struct node {
    enum node_kind kind;
    struct src_pos pos;
    struct redir *redirs;           /* for N_SIMPLE and every compound command; in source order */
    union {
        struct {
            struct word *assigns;   /* NAME=value words, in order */
            struct word *words;     /* command name and arguments */
        } simple;
        struct {
            struct node **stages;
            size_t nstages;
            bool negated;           /* ! pipeline */
        } pipeline;
        struct {
            struct node *left, *right;      /* N_AND, N_OR, N_SEQ */
        } binary;
        struct {
            struct node *body;              /* N_BACKGROUND, N_SUBSHELL, N_GROUP */
        } group;
        struct {
            struct node *cond, *then, *els; /* els may be NULL */
        } if_;
        struct {
            struct node *cond, *body;       /* N_WHILE, N_UNTIL */
        } loop;
        struct {
            const char *var;
            struct word *words;             /* NULL with has_in: "for x in; do" loops zero times */
            bool has_in;                    /* false: loop over "$@" */
            struct node *body;
        } for_;
        struct {
            struct word *subject;
            struct case_item *items;
        } case_;
        struct {
            const char *name;
            struct node *body;              /* a compound command, with its own redirs */
        } func;
    } u;
};

/* ==== Constructors: all allocate in A and zero what they do not set ==== */

struct node *ast_node(struct arena *a, enum node_kind kind, struct src_pos pos);
struct word *ast_word(struct arena *a, struct src_pos pos);
struct wpart *ast_wpart(struct arena *a, enum wpart_kind kind);

/* ==== Output ==== */

/*
 * Write the tree as indented text, one node, word or redirection per line,
 * two spaces per level.  This is what `minish --ast` prints and what the
 * parser tests compare; docs/grammar.md shows the format.
 */
void ast_dump(FILE *out, const struct node *n);
/* The tree as a Graphviz digraph (`minish --ast=dot`): one box per node,
 * simple commands with their text, edges labelled cond/then/do/... */
void ast_dump_dot(FILE *out, const struct node *n);
/* Append the dump of one word's parts (e.g. `lit "a" dq[param b]`). */
void ast_dump_word(struct strbuf *out, const struct word *w);
/* Append shell source text for N: `ls -l | wc -l > out &`.  For `jobs` and `type`. */
void ast_text(struct strbuf *out, const struct node *n);
/* Append the source text of one word, re-quoted. */
void ast_word_text(struct strbuf *out, const struct word *w);

#endif
