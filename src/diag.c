/*
 * diag.c -- error messages in one format, and memory-or-die allocation.
 *
 * Owns: "minish: [FILE: line N: ]WHAT: WHY" and the syntax-error caret.
 * Never: exits, except diag_fatal and running out of memory.
 */
#define _XOPEN_SOURCE 700   /* wcwidth */

#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static char *source_name;   /* script being run, or NULL */
static int source_line;     /* its current line, 0 if unknown */
static bool muted;          /* diag_mute: messages are dropped */

void diag_mute(bool on)
{
    muted = on;
}

void diag_set_source(const char *script_name)
{
    free(source_name);
    source_name = script_name ? xstrdup(script_name) : NULL;
}

const char *diag_source(void)
{
    return source_name;
}

void diag_set_line(int line)
{
    source_line = line;
}

int diag_line(void)
{
    return source_line;
}

/* "minish: " or "minish: FILE: line N: " */
static void print_prefix(void)
{
    fputs("minish: ", stderr);
    if (source_name != NULL) {
        fprintf(stderr, "%s: ", source_name);
        if (source_line > 0)
            fprintf(stderr, "line %d: ", source_line);
    }
}

void diag_error(const char *what, const char *fmt, ...)
{
    va_list ap;
    if (muted)
        return;
    fflush(stdout);     /* keep our output and the message in order */
    print_prefix();
    if (what != NULL)
        fprintf(stderr, "%s: ", what);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/*
 * Show SRC_LINE (up to its newline) and a caret under its byte COL
 * (1-based).  Columns are what the terminal shows, not bytes: a UTF-8
 * letter is several bytes and one column, a CJK ideograph two columns
 * (wcwidth), and a tab runs to the next multiple of 8, so tabs are
 * expanded in the line shown as well.  Bytes that are not valid in the
 * locale count one column each.
 */
static void show_caret(int col, const char *src_line)
{
    size_t len = strcspn(src_line, "\n");
    size_t upto = col > 1 ? (size_t)col - 1 : 0;
    int width = 0, caret = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    fputs("  ", stderr);
    for (size_t i = 0; i < len;) {
        if (i == upto)
            caret = width;
        wchar_t wc;
        size_t n = src_line[i] == '\t' ? 1 : mbrtowc(&wc, src_line + i, len - i, &st);
        if (src_line[i] == '\t') {
            int to = (width / 8 + 1) * 8;
            fprintf(stderr, "%*s", to - width, "");
            width = to;
        } else if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
            memset(&st, 0, sizeof st);      /* not a character here: one byte, one column */
            fputc(src_line[i], stderr);
            width++;
            n = 1;
        } else {
            int w = wcwidth(wc);
            fwrite(src_line + i, 1, n, stderr);
            width += w > 0 ? w : 0;
        }
        i += n;
    }
    if (upto >= len)
        caret = width + (int)(upto - len);  /* past the end: the newline, the end of input */
    fprintf(stderr, "\n  %*s^\n", caret, "");
}

void diag_syntax(const char *where, int col, const char *near, const char *src_line)
{
    if (muted)
        return;
    fflush(stdout);
    fputs("minish: ", stderr);
    if (source_name != NULL)
        fprintf(stderr, "%s: ", source_name);
    if (where != NULL)
        fprintf(stderr, "%s: ", where);
    fprintf(stderr, "syntax error near '%s'\n", near);
    if (src_line != NULL)
        show_caret(col, src_line);
}

_Noreturn void diag_fatal(const char *what, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("minish: ", stderr);
    if (what != NULL)
        fprintf(stderr, "%s: ", what);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(STATUS_SYNTAX);
}

static void *check(void *p)
{
    if (p == NULL)
        diag_fatal(NULL, "out of memory");
    return p;
}

void *xmalloc(size_t n)
{
    return check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
    return check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
    return check(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
    return check(strndup(s, n));
}
