/*
 * bi_echo.c -- echo and printf, with dash's escapes and number rules.
 *
 * Owns: backslash escapes (\n \t \0NNN \c ...), printf's conversions
 *       (d i o u x X c s b e E f g G %), and reading numbers as C
 *       constants ("0x1f", "010", "'a").
 * Never: formats a number itself: each conversion becomes a small printf
 *        format ("%-5.2jd") handed to the C library.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi.h"
#include "diag.h"
#include "strbuf.h"

/* ==== escapes ==== */

/* The character for \C, or -1 if C is not a one-letter escape. */
static int escape_char(char c)
{
    switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'e': return 033;   /* not POSIX; dash and bash know it */
    case '\\': return '\\';
    default: return -1;
    }
}

/* Up to MAX octal digits at *P (advanced past them) as a byte. */
static char escape_octal(const char **p, int max)
{
    int v = 0;
    for (int n = 0; n < max && **p >= '0' && **p <= '7'; n++, (*p)++)
        v = v * 8 + (**p - '0');
    return (char)v;
}

/*
 * One escape after a backslash at *P (advanced).  ZERO_PREFIX: \0NNN takes
 * three digits after the 0 (echo, %b); otherwise \NNN takes up to three
 * (the printf format).  Returns false for \c.
 */
static bool escape_one(struct strbuf *out, const char **p, bool zero_prefix)
{
    char c = **p;
    int e = escape_char(c);
    if (c == 'c') {
        (*p)++;
        return false;
    }
    if (e >= 0) {
        sb_putc(out, (char)e);
        (*p)++;
    } else if (c >= '0' && c <= '7') {
        if (zero_prefix && c == '0')
            (*p)++;
        sb_putc(out, escape_octal(p, 3));
    } else {
        sb_putc(out, '\\');     /* unknown: kept as written */
    }
    return true;
}

bool echo_escapes(struct strbuf *out, const char *s)
{
    while (*s != '\0') {
        if (*s != '\\' || s[1] == '\0') {
            sb_putc(out, *s++);
            continue;
        }
        s++;
        if (!escape_one(out, &s, true))
            return true;
    }
    return false;
}

/* echo [-n] [arg...] -- dash's echo: only "-n", escapes always on. */
int bi_echo(struct shell *sh, int argc, char **argv)
{
    struct strbuf out = STRBUF_INIT;
    int i = 1;
    bool newline = true;
    (void)sh;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = false;
        i++;
    }
    for (; i < argc; i++) {
        if (echo_escapes(&out, argv[i])) {
            newline = false;
            break;
        }
        if (i + 1 < argc)
            sb_putc(&out, ' ');
    }
    if (newline)
        sb_putc(&out, '\n');
    fwrite(sb_str(&out), 1, out.len, stdout);
    sb_free(&out);
    return 0;
}

/* ==== printf: arguments ==== */

struct pf_args {
    char **args;
    int nargs, next;
    int status;             /* 1 once a bad number was reported */
    bool stop;              /* \c met: no more output */
};

static const char *pf_next(struct pf_args *a)
{
    return a->next < a->nargs ? a->args[a->next++] : NULL;
}

/* Check that strto* consumed S wholly; report and set status 1 if not. */
static void pf_check(struct pf_args *a, const char *s, const char *end)
{
    if (end == s) {
        diag_error("printf", "%s: expected numeric value", s);
        a->status = 1;
    } else if (*end != '\0') {
        diag_error("printf", "%s: not completely converted", s);
        a->status = 1;
    } else if (errno == ERANGE) {
        diag_error("printf", "%s: %s", s, strerror(ERANGE));
        a->status = 1;
    }
}

/* A leading quote: the number is the next character's value ('a -> 97). */
static bool pf_quoted(const char *s)
{
    return s[0] == '\'' || s[0] == '"';
}

static intmax_t pf_int(struct pf_args *a)
{
    const char *s = pf_next(a);
    char *end;
    intmax_t v;
    if (s == NULL || *s == '\0')
        return 0;
    if (pf_quoted(s))
        return (unsigned char)s[1];
    errno = 0;
    v = strtoimax(s, &end, 0);
    pf_check(a, s, end);
    return v;
}

static uintmax_t pf_uint(struct pf_args *a)
{
    const char *s = pf_next(a);
    char *end;
    uintmax_t v;
    if (s == NULL || *s == '\0')
        return 0;
    if (pf_quoted(s))
        return (unsigned char)s[1];
    errno = 0;
    v = strtoumax(s, &end, 0);
    pf_check(a, s, end);
    return v;
}

static double pf_double(struct pf_args *a)
{
    const char *s = pf_next(a);
    char *end;
    double v;
    if (s == NULL || *s == '\0')
        return 0;
    if (pf_quoted(s))
        return (unsigned char)s[1];
    errno = 0;
    v = strtod(s, &end);
    pf_check(a, s, end);
    return v;
}

/* ==== printf: one conversion ==== */

/* A parsed conversion: %[flags][width][.prec]conv. */
struct pf_spec {
    char flags[8];
    char width[24];         /* "" or a number, possibly negative (from *) */
    char prec[24];          /* "" or ".N" */
    char conv;
};

/* Width or precision digits at *P, or '*' taking the next argument. */
static void pf_field(struct pf_args *a, const char **p, char *buf, size_t size, bool is_prec)
{
    if (**p == '*') {
        (*p)++;
        intmax_t n = pf_int(a);
        if (is_prec && n < 0)
            buf[0] = '\0';      /* a negative precision counts as none */
        else
            snprintf(buf, size, "%s%d", is_prec ? "." : "", (int)n);
        return;
    }
    size_t len = strspn(*p, "0123456789");
    snprintf(buf, size, "%s%.*s", is_prec ? "." : "", (int)(len < 16 ? len : 16), *p);
    *p += len;
}

/* Parse the spec after '%' at *P (advanced), taking * values from A. */
static void pf_parse_spec(struct pf_args *a, const char **p, struct pf_spec *sp)
{
    size_t nflags = strspn(*p, "-+ #0");
    if (nflags >= sizeof sp->flags)
        nflags = sizeof sp->flags - 1;
    memcpy(sp->flags, *p, nflags);
    sp->flags[nflags] = '\0';
    *p += strspn(*p, "-+ #0");
    pf_field(a, p, sp->width, sizeof sp->width, false);
    sp->prec[0] = '\0';
    if (**p == '.') {
        (*p)++;
        pf_field(a, p, sp->prec, sizeof sp->prec, true);   /* "." alone is precision 0 */
    }
    sp->conv = **p;
    if (**p != '\0')
        (*p)++;
}

/* The C format for SP with LENGTH ("j", "" or "L") before the conversion. */
static void pf_cformat(const struct pf_spec *sp, const char *length, char conv, char *buf, size_t size)
{
    snprintf(buf, size, "%%%s%s%s%s%c", sp->flags, sp->width, sp->prec, length, conv);
}

/* %s, %c and %b: the string S formatted with width and precision. */
static void pf_string(struct strbuf *out, const struct pf_spec *sp, const char *s)
{
    char fmt[80];
    if (sp->width[0] == '\0' && sp->prec[0] == '\0') {
        sb_puts(out, s);
        return;
    }
    pf_cformat(sp, "", 's', fmt, sizeof fmt);
    sb_printf(out, fmt, s);
}

/* %b: the argument with echo's escapes; \c stops all output. */
static void pf_b(struct strbuf *out, struct pf_args *a, const struct pf_spec *sp)
{
    const char *s = pf_next(a);
    struct strbuf tmp = STRBUF_INIT;
    a->stop = echo_escapes(&tmp, s != NULL ? s : "");
    if (sp->width[0] == '\0' && sp->prec[0] == '\0')
        sb_putn(out, sb_str(&tmp), tmp.len);    /* keeps \0 bytes */
    else
        pf_string(out, sp, sb_str(&tmp));
    sb_free(&tmp);
}

/* Format one conversion.  Returns -1 for an invalid directive (reported). */
static int pf_convert(struct strbuf *out, struct pf_args *a, const struct pf_spec *sp)
{
    char fmt[80];
    const char *s;
    char c[2] = {0, 0};
    switch (sp->conv) {
    case 'd': case 'i':
        pf_cformat(sp, "j", sp->conv, fmt, sizeof fmt);
        sb_printf(out, fmt, pf_int(a));
        return 0;
    case 'o': case 'u': case 'x': case 'X':
        pf_cformat(sp, "j", sp->conv, fmt, sizeof fmt);
        sb_printf(out, fmt, pf_uint(a));
        return 0;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        pf_cformat(sp, "", sp->conv, fmt, sizeof fmt);
        sb_printf(out, fmt, pf_double(a));
        return 0;
    case 's':
        s = pf_next(a);
        pf_string(out, sp, s != NULL ? s : "");
        return 0;
    case 'c':
        s = pf_next(a);
        c[0] = s != NULL ? s[0] : '\0';
        if (c[0] == '\0') {    /* dash writes the NUL byte of an empty argument */
            struct pf_spec nul = *sp;
            nul.prec[0] = '\0';
            pf_cformat(&nul, "", 'c', fmt, sizeof fmt);
            sb_printf(out, fmt, 0);
            return 0;
        }
        pf_string(out, sp, c);
        return 0;
    case 'b':
        pf_b(out, a, sp);
        return 0;
    default:
        diag_error("printf", "%%%c: invalid directive", sp->conv);
        return -1;
    }
}

/* ==== printf: the format ==== */

/*
 * One pass over FMT.  Returns 0, or -1 after an invalid directive.
 * A \c in a %b argument sets a->stop.
 */
static int pf_pass(struct strbuf *out, const char *fmt, struct pf_args *a)
{
    const char *p = fmt;
    while (*p != '\0' && !a->stop) {
        if (*p == '\\' && p[1] != '\0') {
            p++;
            if (*p == 'c' || (escape_char(*p) < 0 && (*p < '0' || *p > '7'))) {
                sb_putc(out, '\\');     /* dash keeps unknown escapes, \c included */
                sb_putc(out, *p++);
            } else {
                escape_one(out, &p, false);
            }
        } else if (*p == '%' && p[1] == '%') {
            sb_putc(out, '%');
            p += 2;
        } else if (*p == '%') {
            struct pf_spec sp;
            p++;
            pf_parse_spec(a, &p, &sp);
            if (pf_convert(out, a, &sp) < 0)
                return -1;
        } else {
            sb_putc(out, *p++);
        }
    }
    return 0;
}

int printf_format(struct strbuf *out, const char *fmt, char **args, int nargs)
{
    struct pf_args a = {args, nargs, 0, 0, false};
    do {
        int before = a.next;
        if (pf_pass(out, fmt, &a) < 0)
            return 2;
        if (a.next == before)
            break;      /* the format takes no arguments: one pass only */
    } while (a.next < a.nargs && !a.stop);
    return a.status;
}

/* printf format [arg...] */
int bi_printf(struct shell *sh, int argc, char **argv)
{
    struct strbuf out = STRBUF_INIT;
    int i = (argc > 1 && strcmp(argv[1], "--") == 0) ? 2 : 1;
    int status;
    (void)sh;
    if (i == 1 && argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        diag_error("printf", "%s: invalid option", argv[1]);   /* printf has none (-v is bash's) */
        return 2;
    }
    if (i >= argc) {
        diag_error("printf", "usage: printf format [arg ...]");
        return 2;
    }
    status = printf_format(&out, argv[i], argv + i + 1, argc - i - 1);
    fwrite(sb_str(&out), 1, out.len, stdout);
    sb_free(&out);
    return status;
}
