/*
 * diag.c -- error messages in one format, and memory-or-die allocation.
 *
 * Owns: "minish: [FILE: line N: ]WHAT: WHY" and the syntax-error caret.
 * Never: exits, except diag_fatal and running out of memory.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *source_name;   /* script being run, or NULL */
static int source_line;     /* its current line, 0 if unknown */

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
    fflush(stdout);     /* keep our output and the message in order */
    print_prefix();
    if (what != NULL)
        fprintf(stderr, "%s: ", what);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void diag_syntax(int line, int col, const char *near, const char *src_line)
{
    fflush(stdout);
    fputs("minish: ", stderr);
    if (source_name != NULL)
        fprintf(stderr, "%s: ", source_name);
    fprintf(stderr, "line %d: syntax error near '%s'\n", line, near);
    if (src_line == NULL)
        return;
    size_t len = strcspn(src_line, "\n");
    fprintf(stderr, "  %.*s\n  ", (int)len, src_line);
    for (int i = 1; i < col; i++)  /* keep tabs so the caret lines up */
        fputc(i <= (int)len && src_line[i - 1] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
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
