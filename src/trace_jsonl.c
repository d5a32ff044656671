/*
 * trace_jsonl.c -- read and write one line of the JSON Lines trace.
 *
 * Owns: the flat-object grammar of a trace line, the type of each key
 *       (docs/trace-format.md), and HTML-safe writing.
 * Never: touches a file; it works on strings the caller owns.
 *
 * A trace line is a small JSON object whose values are strings, numbers
 * or null, so the reader is a few functions, one per kind of token, in
 * the style of a recursive-descent parser without the recursion.
 */
#include "trace_jsonl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reader's position in one line. */
struct reader {
    char *p;                /* the next character */
    char *why;              /* where an error is described */
    size_t whylen;
};

static int fail(struct reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct reader *rd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rd->why, rd->whylen, fmt, ap);
    va_end(ap);
    return -1;
}

/* What the reader is looking at, for an error message. */
static const char *found(const struct reader *rd)
{
    static char text[16];
    unsigned char c = (unsigned char)*rd->p;
    if (c == '\0')
        return "the end of the line";
    if (c < 0x20 || c >= 0x7f)
        snprintf(text, sizeof text, "byte 0x%02x", c);
    else
        snprintf(text, sizeof text, "'%c'", c);
    return text;
}

static void skip_space(struct reader *rd)
{
    while (*rd->p == ' ' || *rd->p == '\t' || *rd->p == '\r')
        rd->p++;
}

/* ==== Tokens ==== */

/* Four hex digits at P, or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Code point CP as UTF-8 at OUT.  Returns the bytes written. */
static size_t put_utf8(char *out, long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* \uXXXX (and a following low surrogate) at rd->p, past the 'u'.  The
 * decoded text is never longer than the escape, so it is written in place. */
static int read_unicode(struct reader *rd, char **out)
{
    long cp = hex4(rd->p);
    if (cp < 0)
        return fail(rd, "\\u must be followed by four hex digits");
    rd->p += 4;
    if (cp >= 0xd800 && cp < 0xdc00 && rd->p[0] == '\\' && rd->p[1] == 'u') {
        long lo = hex4(rd->p + 2);
        if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            rd->p += 6;
        }
    }
    if (cp == 0)
        return fail(rd, "a string contains \\u0000");
    *out += put_utf8(*out, cp);
    return 0;
}

/* string = '"' { char | escape } '"'.  Decoded in place; *S points at it. */
static int read_string(struct reader *rd, const char **s)
{
    if (*rd->p != '"')
        return fail(rd, "expected a string, found %s", found(rd));
    char *out = ++rd->p;
    *s = out;
    for (;;) {
        unsigned char c = (unsigned char)*rd->p;
        if (c == '\0')
            return fail(rd, "the line ends inside a string (is the file cut short?)");
        if (c < 0x20)
            return fail(rd, "a string contains the control character 0x%02x", c);
        rd->p++;
        if (c == '"')
            break;
        if (c != '\\') {
            *out++ = (char)c;
            continue;
        }
        c = (unsigned char)*rd->p++;
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *k = c != '\0' ? strchr(from, c) : NULL;
        if (k != NULL)
            *out++ = to[k - from];
        else if (c == 'u' && read_unicode(rd, &out) < 0)
            return -1;
        else if (c != 'u')
            return fail(rd, "unknown escape \\%c in a string", c != '\0' ? c : '?');
    }
    *out = '\0';    /* the closing quote (or more) was consumed: room for it */
    return 0;
}

/* Skip the digits at rd->p; how many there were. */
static size_t skip_digits(struct reader *rd)
{
    size_t n = 0;
    for (; *rd->p >= '0' && *rd->p <= '9'; rd->p++)
        n++;
    return n;
}

/* number = ['-'] digits ['.' digits] [('e'|'E') ['+'|'-'] digits].  The
 * text goes to TEXT (cut at CAP); *INTEGER says whether it has no fraction
 * and no exponent. */
static int read_number(struct reader *rd, char *text, size_t cap, bool *integer)
{
    const char *start = rd->p;
    if (*rd->p == '-')
        rd->p++;
    if (skip_digits(rd) == 0)
        return fail(rd, "expected a value, found %s", found(rd));
    *integer = true;
    if (*rd->p == '.') {
        rd->p++;
        *integer = false;
        if (skip_digits(rd) == 0)
            return fail(rd, "a number is cut short");
    }
    if (*rd->p == 'e' || *rd->p == 'E') {
        rd->p += rd->p[1] == '+' || rd->p[1] == '-' ? 2 : 1;
        *integer = false;
        if (skip_digits(rd) == 0)
            return fail(rd, "a number is cut short");
    }
    snprintf(text, cap, "%.*s", (int)(rd->p - start), start);
    return 0;
}

/* ==== Values by key ==== */

enum kind { K_TIME, K_INT, K_INT_OR_NULL, K_STR, K_STR_OR_NULL };

struct key {
    const char *name;
    enum kind kind;
};

/* The keys every line has, in the order the shell writes them. */
static const struct key keys[] = {
    {"time", K_TIME}, {"pid", K_INT}, {"ppid", K_INT}, {"call", K_STR},
    {"args", K_STR_OR_NULL}, {"result", K_INT_OR_NULL}, {"errno", K_STR_OR_NULL},
    {"detail", K_STR_OR_NULL}, {"reason", K_STR_OR_NULL}, {"job", K_INT_OR_NULL},
    {"node", K_STR_OR_NULL},
};
enum { NKEYS = sizeof keys / sizeof keys[0] };

/* Where value I of R lives (the string, integer and has- slots). */
static void slots(struct trace_rec *r, int i, const char ***s, long **n, bool **has)
{
    const char **strs[] = {NULL, NULL, NULL, &r->call, &r->args, NULL, &r->err,
                           &r->detail, &r->reason, NULL, &r->node};
    long *ints[] = {NULL, &r->pid, &r->ppid, NULL, NULL, &r->result, NULL, NULL, NULL,
                    &r->job, NULL};
    *s = strs[i];
    *n = ints[i];
    *has = i == 5 ? &r->has_result : i == 9 ? &r->has_job : NULL;
}

/* A value that is not one of the trace's keys: a string, number, or literal. */
static int skip_value(struct reader *rd, const char *name)
{
    const char *s;
    char num[40];
    bool integer;
    if (*rd->p == '"')
        return read_string(rd, &s);
    for (const char *const *lit = (const char *const[]){"null", "true", "false", NULL};
         *lit != NULL; lit++) {
        if (strncmp(rd->p, *lit, strlen(*lit)) == 0) {
            rd->p += strlen(*lit);
            return 0;
        }
    }
    if (*rd->p == '{' || *rd->p == '[')
        return fail(rd, "the value of \"%s\" is an object or array; a trace has none", name);
    return read_number(rd, num, sizeof num, &integer);
}

/* The value of key I, checked against its kind. */
static int read_value(struct reader *rd, struct trace_rec *r, int i)
{
    const struct key *k = &keys[i];
    const char **s;
    long *n;
    bool *has;
    slots(r, i, &s, &n, &has);
    if (strncmp(rd->p, "null", 4) == 0 && (k->kind == K_INT_OR_NULL || k->kind == K_STR_OR_NULL)) {
        rd->p += 4;
        if (s != NULL)
            *s = NULL;
        if (has != NULL)
            *has = false;
        return 0;
    }
    if (k->kind == K_STR || k->kind == K_STR_OR_NULL) {
        if (*rd->p != '"')
            return fail(rd, "\"%s\" must be a string%s, found %s", k->name,
                        k->kind == K_STR ? "" : " or null", found(rd));
        return read_string(rd, s);
    }
    char text[40];
    bool integer;
    if (*rd->p != '-' && (*rd->p < '0' || *rd->p > '9'))
        return fail(rd, "\"%s\" must be a number%s, found %s", k->name,
                    k->kind == K_INT_OR_NULL ? " or null" : "", found(rd));
    if (read_number(rd, k->kind == K_TIME ? r->time : text,
                    k->kind == K_TIME ? sizeof r->time : sizeof text, &integer) < 0)
        return -1;
    if (k->kind == K_TIME)
        return 0;
    if (!integer)
        return fail(rd, "\"%s\" must be a whole number, found %s", k->name, text);
    errno = 0;
    *n = strtol(text, NULL, 10);
    if (errno == ERANGE)
        return fail(rd, "\"%s\" is out of range: %s", k->name, text);
    if (has != NULL)
        *has = true;
    return 0;
}

/* member = string ':' value.  SEEN marks the trace's keys already read. */
static int read_member(struct reader *rd, struct trace_rec *r, bool *seen)
{
    const char *name;
    if (*rd->p != '"')
        return fail(rd, "expected a key in double quotes, found %s", found(rd));
    if (read_string(rd, &name) < 0)
        return -1;
    skip_space(rd);
    if (*rd->p != ':')
        return fail(rd, "expected ':' after \"%s\", found %s", name, found(rd));
    rd->p++;
    skip_space(rd);
    for (int i = 0; i < NKEYS; i++) {
        if (strcmp(keys[i].name, name) != 0)
            continue;
        if (seen[i])
            return fail(rd, "key \"%s\" appears twice", name);
        seen[i] = true;
        return read_value(rd, r, i);
    }
    return skip_value(rd, name);
}

/* object = '{' member { ',' member } '}' */
int trace_jsonl_parse(char *line, struct trace_rec *r, char *why, size_t whylen)
{
    struct reader rd = {line, why, whylen};
    bool seen[NKEYS] = {false};
    memset(r, 0, sizeof *r);
    skip_space(&rd);
    if (*rd.p != '{')
        return fail(&rd, "expected '{' to start an event, found %s", found(&rd));
    rd.p++;
    for (;;) {
        skip_space(&rd);
        if (read_member(&rd, r, seen) < 0)
            return -1;
        skip_space(&rd);
        if (*rd.p == '}')
            break;
        if (*rd.p != ',')
            return fail(&rd, "expected ',' or '}', found %s%s", found(&rd),
                        *rd.p == '\0' ? " (is the file cut short?)" : "");
        rd.p++;
    }
    rd.p++;
    skip_space(&rd);
    if (*rd.p != '\0')
        return fail(&rd, "text after the end of the event: %s", found(&rd));
    for (int i = 0; i < NKEYS; i++)
        if (!seen[i])
            return fail(&rd, "key \"%s\" is missing", keys[i].name);
    return 0;
}

/* ==== Writing ==== */

/* A bounded output buffer; RESERVE bytes are kept for what must follow. */
struct out {
    char *buf;
    size_t len, cap;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
    size_t room = o->cap - o->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* S as a JSON string, cut so that RESERVE bytes stay free after it. */
static void put_string(struct out *o, const char *s, size_t reserve)
{
    if (s == NULL) {
        put(o, "null");
        return;
    }
    put(o, "\"");
    for (; *s != '\0'; s++) {
        if (o->len + 8 + reserve >= o->cap)
            break;
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            put(o, "\\%c", c);
        else if (c < 0x20 || c == '<' || c == '>' || c == '&')
            put(o, "\\u%04x", c);   /* "</script>" can never end the data early */
        else
            put(o, "%c", c);
    }
    put(o, "\"");
}

size_t trace_jsonl_format(char *buf, size_t cap, const struct trace_rec *r)
{
    struct out o = {buf, 0, cap};
    size_t reserve = 300;   /* the keys, numbers and nulls still to come */
    put(&o, "{\"time\":%s,\"pid\":%ld,\"ppid\":%ld,\"call\":", r->time[0] ? r->time : "0",
        r->pid, r->ppid);
    put_string(&o, r->call, reserve);
    put(&o, ",\"args\":");
    put_string(&o, r->args, reserve);
    if (r->has_result)
        put(&o, ",\"result\":%ld,\"errno\":", r->result);
    else
        put(&o, ",\"result\":null,\"errno\":");
    put_string(&o, r->err, reserve);
    put(&o, ",\"detail\":");
    put_string(&o, r->detail, reserve);
    put(&o, ",\"reason\":");
    put_string(&o, r->reason, reserve);
    if (r->has_job)
        put(&o, ",\"job\":%ld,\"node\":", r->job);
    else
        put(&o, ",\"job\":null,\"node\":");
    put_string(&o, r->node, reserve / 2);
    put(&o, "}\n");
    return o.len;
}

size_t trace_jsonl_quote(char *buf, size_t cap, const char *s)
{
    struct out o = {buf, 0, cap};
    put_string(&o, s, 0);
    return o.len;
}
