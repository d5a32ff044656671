/*
 * bi_read.c -- read (one line from standard input into variables) and
 * getopts (one option from the arguments per call).
 *
 * Owns: read's input (a byte at a time, or a block given back with lseek
 *       from a regular file), backslash rules and IFS splitting;
 *       getopts' position inside a group of options (-abc).
 * Never: leaves input consumed past the line: a byte past the newline
 *        would be lost to the command that reads the same file or pipe next.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "redir.h"
#include "shell.h"
#include "strbuf.h"
#include "sys.h"
#include "vars.h"

/* ==== read: splitting ==== */

/* What a byte is to the split: looked up in a table made once per read
 * (a strchr over IFS for every byte, twice per byte, showed in profiles). */
enum { SEP_NONE, SEP_WS, SEP_OTHER };

struct rsplit {
    const char *s, *esc;    /* the line, and which bytes were escaped */
    size_t len, pos;
    unsigned char sep[256]; /* SEP_* of each byte value, from IFS */
};

/* An unescaped IFS byte at I?  WS: counting only whitespace ones (or only others). */
static bool rs_sep(const struct rsplit *r, size_t i, bool ws)
{
    int kind = r->sep[(unsigned char)r->s[i]];
    if (kind == SEP_NONE || (r->esc != NULL && r->esc[i]))
        return false;
    return ws == (kind == SEP_WS);
}

static void rs_skip_ws(struct rsplit *r)
{
    while (r->pos < r->len && rs_sep(r, r->pos, true))
        r->pos++;
}

/* After a field: IFS whitespace, at most one other IFS byte, IFS whitespace. */
static void rs_skip_separator(struct rsplit *r)
{
    rs_skip_ws(r);
    if (r->pos < r->len && rs_sep(r, r->pos, false)) {
        r->pos++;
        rs_skip_ws(r);
    }
}

static size_t rs_field_end(const struct rsplit *r, size_t from)
{
    while (from < r->len && !rs_sep(r, from, true) && !rs_sep(r, from, false))
        from++;
    return from;
}

/* The last name's value: the rest, trailing IFS whitespace trimmed; a lone
 * field with one trailing separator loses the separator too (POSIX). */
static struct read_field rs_rest(struct rsplit *r)
{
    size_t end = r->len;
    while (end > r->pos && rs_sep(r, end - 1, true))
        end--;
    size_t fend = rs_field_end(r, r->pos);
    if (fend < end) {
        struct rsplit after = *r;
        after.pos = fend;
        after.len = end;
        rs_skip_separator(&after);
        if (after.pos == end)
            end = fend;
    }
    return (struct read_field){ r->pos, end - r->pos };
}

void read_split(const char *line, const char *escaped, size_t len, const char *ifs,
                struct read_field *fields, int nnames)
{
    struct rsplit r = {line, escaped, len, 0, {SEP_NONE}};
    for (const char *p = ifs; *p != '\0'; p++)
        r.sep[(unsigned char)*p] = (*p == ' ' || *p == '\t' || *p == '\n') ? SEP_WS : SEP_OTHER;
    rs_skip_ws(&r);
    for (int i = 0; i < nnames; i++) {
        if (i == nnames - 1) {
            fields[i] = rs_rest(&r);
            break;
        }
        size_t end = rs_field_end(&r, r.pos);
        fields[i] = (struct read_field){ r.pos, end - r.pos };
        r.pos = end;
        rs_skip_separator(&r);
    }
}

/* ==== read ==== */

/*
 * Where read's bytes come from.  A pipe or terminal is read a byte at a
 * time: a byte past the newline would be lost to the next reader.  A
 * regular file (`while read l; do ...; done <file`, a large here-document)
 * is read a block at a time and the bytes past the line are given back
 * with lseek, as bash and ksh do: one read instead of one per byte.
 */
struct rsrc {
    bool block;             /* fd 0 is a regular file */
    size_t pos, len;        /* unread bytes are buf[pos..len) */
    char buf[512];
};

static void rsrc_open(struct rsrc *r)
{
    struct stat st;
    r->block = !redir_stdin_is_heredoc_pipe() && fstat(0, &st) == 0 && S_ISREG(st.st_mode);
    r->pos = r->len = 0;
}

/* The next byte, or -1 at end of file or on an error. */
static int rsrc_getc(struct rsrc *r)
{
    if (r->pos == r->len) {
        ssize_t n = sys_read(0, r->buf, r->block ? sizeof r->buf : 1);
        if (n <= 0)
            return -1;
        r->pos = 0;
        r->len = (size_t)n;
    }
    return (unsigned char)r->buf[r->pos++];
}

/* Give back what was read past the line: the offset is just after it. */
static void rsrc_close(struct rsrc *r)
{
    if (r->pos < r->len)
        (void)lseek(0, (off_t)r->pos - (off_t)r->len, SEEK_CUR);
}

/*
 * Read one line from fd 0 (see struct rsrc), up to the byte DELIM (newline,
 * or another with -d; NUL for -d '').  Unless RAW, backslash-newline joins
 * lines and a backslash protects the next byte (marked in ESC, which stays
 * empty when RAW).  Returns 0, or 1 at end of file or on error (what was
 * read is kept).
 */
static int read_chars(struct rsrc *r, struct strbuf *line, struct strbuf *esc, bool raw,
                      char delim)
{
    bool backslash = false;
    int c;
    for (;;) {
        if ((c = rsrc_getc(r)) < 0)
            return 1;
        if (c == '\0' && delim != '\0')
            continue;   /* a NUL cannot live in a variable */
        if (backslash) {
            backslash = false;
            if (c == '\n')
                continue;
            sb_putc(line, (char)c);
            sb_putc(esc, 1);
            continue;
        }
        if (c == (unsigned char)delim)
            return 0;
        if (c == '\\' && !raw) {
            backslash = true;
            continue;
        }
        sb_putc(line, (char)c);
        if (!raw)
            sb_putc(esc, 0);    /* with -r nothing is escaped: ESC stays empty */
    }
}

static int read_line(struct strbuf *line, struct strbuf *esc, bool raw, char delim)
{
    struct rsrc r;
    rsrc_open(&r);
    int status = read_chars(&r, line, esc, raw, delim);
    rsrc_close(&r);
    return status;
}

/* Assign the fields of LINE to NAMES, up to the first bad or readonly one
 * (then 2).  Each field is ended with a '\0' in LINE itself: no copy. */
static int read_assign(struct shell *sh, struct strbuf *line, const struct strbuf *esc,
                       char **names, int nnames)
{
    const char *ifs = vars_get(sh->vars, "IFS");
    struct read_field few[8];   /* most reads name a few variables: no malloc */
    struct read_field *fields = nnames <= 8 ? few : xcalloc((size_t)nnames, sizeof *fields);
    char empty[1] = "";
    char *text = line->buf != NULL ? line->buf : empty;
    int status = 0;
    read_split(text, esc->buf, line->len, ifs != NULL ? ifs : " \t\n", fields, nnames);
    for (int i = 0; i < nnames; i++)
        text[fields[i].start + fields[i].len] = '\0';
    for (int i = 0; i < nnames && status == 0; i++) {
        /* dash stops at the first bad or readonly name: the rest keep their values */
        if (!vars_valid_name(names[i])) {
            diag_error("read", "%s: bad variable name", names[i]);
            status = 2;
        } else if (shell_set_var(sh, names[i], text + fields[i].start, 0) < 0) {
            diag_error("read", "%s: is read only", names[i]);
            status = 2;
        }
    }
    if (fields != few)
        free(fields);
    return status;
}

/*
 * read [-r] [-d delim] [-p prompt] name... -- a line into NAMEs.  POSIX
 * requires a name; like dash (not bash, which uses REPLY) a missing one is an
 * error.  -d (POSIX.1-2024): the line ends at the first byte of DELIM
 * instead of a newline; -d '' ends it at a NUL byte.
 */
int bi_read(struct shell *sh, int argc, char **argv)
{
    struct strbuf line = STRBUF_INIT, esc = STRBUF_INIT;
    bool raw = false;
    char delim = '\n';
    const char *prompt = NULL;
    int i = 1, status;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-r") == 0) {
            raw = true;
        } else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
            delim = argv[++i][0];
        } else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) {
            prompt = argv[++i];
        } else {
            diag_error("read", "Illegal option %s", argv[i]);
            return 2;
        }
    }
    if (i >= argc) {
        diag_error("read", "arg count");
        return 2;
    }
    if (prompt != NULL && isatty(0)) {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    status = read_line(&line, &esc, raw, delim);
    int st = read_assign(sh, &line, &esc, argv + i, argc - i);
    if (st != 0)
        status = st;
    sb_free(&line);
    sb_free(&esc);
    return status;
}

/* ==== getopts ==== */

/* The position inside the current argument (-abc), as dash keeps it: 0 is "at
 * the start of an argument".  Reset when OPTIND is not what we left it at,
 * or the argument it points into is not the one we were reading. */
static int getopts_pos;
static int getopts_optind = -1;
static char getopts_word[256];  /* the argument getopts_pos points into */

static void getopts_set_int(struct shell *sh, const char *name, int v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%d", v);
    shell_set_var(sh, name, buf, 0);
}

/* Record the result: NAME=C, OPTIND, OPTARG (NULL: unset). */
static int getopts_result(struct shell *sh, const char *name, char c, int next, const char *value)
{
    char s[2] = {c, '\0'};
    getopts_set_int(sh, "OPTIND", next);
    getopts_optind = next;
    if (value != NULL)
        shell_set_var(sh, "OPTARG", value, 0);
    else
        vars_unset(sh->vars, "OPTARG");
    if (shell_set_var(sh, name, s, 0) < 0) {
        diag_error("getopts", "%s: is read only", name);
        return 2;
    }
    return 0;
}

/* No more options: NAME=?, OPTIND at the first operand, OPTARG left alone (dash).  1 or 2. */
static int getopts_end(struct shell *sh, const char *name, int next)
{
    getopts_set_int(sh, "OPTIND", next);
    getopts_optind = next;
    if (shell_set_var(sh, name, "?", 0) < 0) {
        diag_error("getopts", "%s: is read only", name);
        return 2;
    }
    return 1;
}

/* An option C that takes an argument: from the rest of the word or the next one. */
static int getopts_with_arg(struct shell *sh, const char *opts, const char *name, char **args,
                            int nargs, int idx, char c)
{
    const char *arg = args[idx];
    bool silent = opts[0] == ':';
    char s[2] = {c, '\0'};
    if (arg[getopts_pos] != '\0') {
        const char *value = arg + getopts_pos;
        getopts_pos = 0;
        return getopts_result(sh, name, c, idx + 2, value);
    }
    getopts_pos = 0;
    if (idx + 1 < nargs)
        return getopts_result(sh, name, c, idx + 3, args[idx + 1]);
    if (!silent)
        diag_error("getopts", "option requires an argument -- %c", c);
    return getopts_result(sh, name, silent ? ':' : '?', idx + 2, silent ? s : NULL);
}

/* One step of getopts over ARGS[0..NARGS).  Returns 0, 1 at the end, or 2. */
static int getopts_step(struct shell *sh, const char *opts, const char *name, char **args, int nargs)
{
    const char *v = vars_get(sh->vars, "OPTIND");
    int next = v != NULL ? atoi(v) : 1;
    if (next < 1)
        next = 1;
    int idx = next - 1;
    if (next != getopts_optind || idx >= nargs || strcmp(args[idx], getopts_word) != 0)
        getopts_pos = 0;    /* someone set OPTIND or $@: start a fresh argument */
    if (getopts_pos == 0) {
        const char *arg = idx < nargs ? args[idx] : NULL;
        if (arg == NULL || arg[0] != '-' || arg[1] == '\0' || strcmp(arg, "--") == 0) {
            bool dashdash = arg != NULL && strcmp(arg, "--") == 0;
            return getopts_end(sh, name, dashdash ? next + 1 : next);
        }
        getopts_pos = 1;
        snprintf(getopts_word, sizeof getopts_word, "%s", arg);
    }
    char c = args[idx][getopts_pos++];
    const char *spec = c != ':' ? strchr(opts[0] == ':' ? opts + 1 : opts, c) : NULL;
    if (spec != NULL && spec[1] == ':')
        return getopts_with_arg(sh, opts, name, args, nargs, idx, c);
    bool end_of_word = args[idx][getopts_pos] == '\0';
    if (end_of_word)
        getopts_pos = 0;
    if (spec == NULL) {
        char s[2] = {c, '\0'};
        if (opts[0] != ':')
            diag_error("getopts", "illegal option -- %c", c);
        return getopts_result(sh, name, '?', end_of_word ? next + 1 : next,
                              opts[0] == ':' ? s : NULL);
    }
    return getopts_result(sh, name, c, end_of_word ? next + 1 : next, NULL);
}

/* getopts optstring name [arg...] -- the next option from ARGs or $@. */
int bi_getopts(struct shell *sh, int argc, char **argv)
{
    if (argc < 3) {
        diag_error("getopts", "usage: getopts optstring var [arg...]");
        return 2;
    }
    if (argc > 3)
        return getopts_step(sh, argv[1], argv[2], argv + 3, argc - 3);
    return getopts_step(sh, argv[1], argv[2], sh->params, sh->nparams);
}
