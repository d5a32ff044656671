/*
 * arith.c -- $((...)) by recursive descent, one function per precedence
 * level of C (POSIX XCU 1.1.2.1), on intmax_t.
 *
 * Owns: the arithmetic grammar, overflow rules and error messages.
 * Never: expands or runs anything; a variable's value must be a plain
 *        integer constant, it is never evaluated as an expression.
 *
 * Overflow wraps as two's complement (the arithmetic is done in uintmax_t,
 * where C defines wrapping), INTMAX_MIN / -1 is INTMAX_MIN, and a shift
 * count is taken modulo 64, as dash on x86-64 does.  Skipped operands of
 * && || ?: are parsed with `noeval` set: no assignments, no errors for
 * division by zero or bad variable values.
 */
#include "arith.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "vars.h"

struct arith {
    struct vars *vars;
    unsigned set_flags;     /* what an assignment adds (VAR_EXPORT under set -a) */
    const char *expr;       /* the whole text, for messages */
    const char *p;          /* the next unread character */
    int noeval;             /* >0 inside a skipped operand */
    bool failed;            /* an error has been printed */
    int depth;              /* nested '(' , unary operators and assignments */
};

/* Deeper nesting is an error, not a stack overflow: ((((...)))) x 10000. */
#define ARITH_MAX_DEPTH 1000

static intmax_t arith_assign(struct arith *x);

/* ==== Errors and small helpers ==== */

static intmax_t arith_fail(struct arith *x, const char *why)
{
    /* A syntax error quotes the expression; "division by zero" is enough alone. */
    if (!x->failed && strncmp(why, "syntax", 6) == 0)
        diag_error("arithmetic", "%s: \"%s\"", why, x->expr);
    else if (!x->failed)
        diag_error("arithmetic", "%s", why);
    x->failed = true;
    return 0;
}

static void skip_space(struct arith *x)
{
    while (*x->p == ' ' || *x->p == '\t' || *x->p == '\n')
        x->p++;
}

/* Is the next token exactly OP (and not the start of a longer operator)? */
static bool accept(struct arith *x, const char *op)
{
    skip_space(x);
    /* every operator here is one or two characters: compare them directly */
    if (x->p[0] != op[0] || (op[1] != '\0' && x->p[1] != op[1]))
        return false;
    size_t n = op[1] != '\0' ? 2 : 1;
    /* a short operator must not take the front of a longer one:
       `<` of `<<` or `<=`, `&` of `&&` or `&=`, `*` of `*=` */
    char c = x->p[n];
    if (c == '=' && strchr("*/%<>&^|", op[n - 1]))
        return false;
    if (n == 1 && c == op[0] && strchr("<>&|", c))
        return false;
    x->p += n;
    return true;
}

static intmax_t wrap_add(intmax_t a, intmax_t b) { return (intmax_t)((uintmax_t)a + (uintmax_t)b); }
static intmax_t wrap_sub(intmax_t a, intmax_t b) { return (intmax_t)((uintmax_t)a - (uintmax_t)b); }
static intmax_t wrap_mul(intmax_t a, intmax_t b) { return (intmax_t)((uintmax_t)a * (uintmax_t)b); }

/*
 * Read an integer constant at *PP: 0x1F, 017, 42, negated if NEG.  Digits
 * run on until a non-alphanumeric, so "08" and "12abc" are errors.  A value
 * out of range gives the nearest one, as strtoimax does in dash:
 * 99999999999999999999 is INTMAX_MAX.  Returns -1 on error, 1 if out of
 * range, else 0.
 */
static int parse_constant(const char **pp, bool neg, intmax_t *out)
{
    const char *p = *pp;
    unsigned base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
        base = 16;
        p += 2;
    } else if (p[0] == '0') {
        base = 8;
    }
    uintmax_t limit = neg ? (uintmax_t)INTMAX_MAX + 1 : (uintmax_t)INTMAX_MAX;
    uintmax_t v = 0;
    int rc = 0;
    for (; isalnum((unsigned char)*p) || *p == '_'; p++) {
        unsigned d = isdigit((unsigned char)*p) ? (unsigned)(*p - '0')
                   : isalpha((unsigned char)*p) ? (unsigned)(tolower((unsigned char)*p) - 'a' + 10)
                   : 99;
        if (d >= base)
            return -1;
        if (v > (limit - d) / base) {
            v = limit;
            rc = 1;
        } else {
            v = v * base + d;
        }
    }
    *out = !neg ? (intmax_t)v : v == limit ? INTMAX_MIN : -(intmax_t)v;
    *pp = p;
    return rc;
}

/* ==== Variables ==== */

/* A variable's value as a number: blanks, an optional sign, a constant, blanks. */
static int value_number(const char *s, intmax_t *out)
{
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '\0') {           /* unset or empty is 0 */
        *out = 0;
        return 0;
    }
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    /* out of range is an error here, as in dash ("Illegal number") */
    if (!isdigit((unsigned char)*s) || parse_constant(&s, neg, out) != 0)
        return -1;
    while (isspace((unsigned char)*s))
        s++;
    return *s == '\0' ? 0 : -1;
}

static intmax_t var_read(struct arith *x, const char *name)
{
    if (x->noeval)
        return 0;
    const char *s = vars_get(x->vars, name);
    intmax_t v;
    if (s == NULL)
        return 0;
    if (value_number(s, &v) < 0) {
        if (!x->failed)
            diag_error("arithmetic", "%s: bad number", s);
        x->failed = true;
        return 0;
    }
    return v;
}

char *arith_format(char buf[ARITH_DIGITS], intmax_t n)
{
    bool negative = n < 0;
    char *p = buf + ARITH_DIGITS - 1;
    *p = '\0';
    /* the digits of |n|, from the last; n is never negated, so that
     * INTMAX_MIN needs no special case (its % 10 is negative) */
    do {
        int d = (int)(n % 10);
        *--p = (char)('0' + (d < 0 ? -d : d));
        n /= 10;
    } while (n != 0);
    if (negative)
        *--p = '-';
    return p;
}

static void var_write(struct arith *x, const char *name, intmax_t v)
{
    if (x->noeval || x->failed)
        return;
    char buf[ARITH_DIGITS];
    if (vars_set(x->vars, name, arith_format(buf, v), x->set_flags) < 0) {
        diag_error(name, "is read only");
        x->failed = true;
    }
}

/* An identifier at the cursor, copied into BUF (64 bytes); false if none. */
static bool read_name(struct arith *x, char *buf, size_t size)
{
    skip_space(x);
    const char *s = x->p;
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    size_t n = 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    if (n >= size)
        n = size - 1;   /* absurdly long names are truncated, not overrun */
    memcpy(buf, s, n);
    buf[n] = '\0';
    while (isalnum((unsigned char)*x->p) || *x->p == '_')
        x->p++;
    return true;
}

/* ==== Grammar, from the tightest binding level up ==== */

/* primary -> NUMBER | NAME ['++' | '--'] | '(' assign ')' */
static intmax_t arith_primary(struct arith *x)
{
    char name[256];
    skip_space(x);
    if (accept(x, "(")) {
        intmax_t v = arith_assign(x);
        if (!accept(x, ")"))
            return arith_fail(x, "syntax error: expecting ')'");
        return v;
    }
    if (isdigit((unsigned char)*x->p)) {
        intmax_t v;
        if (parse_constant(&x->p, false, &v) < 0)
            return arith_fail(x, "syntax error: bad constant");
        return v;
    }
    if (!read_name(x, name, sizeof name))
        return arith_fail(x, "syntax error: expecting primary");
    intmax_t v = var_read(x, name);
    skip_space(x);
    if (strncmp(x->p, "++", 2) == 0 || strncmp(x->p, "--", 2) == 0) {
        var_write(x, name, x->p[0] == '+' ? wrap_add(v, 1) : wrap_sub(v, 1));
        x->p += 2;
    }
    return v;
}

/* unary -> ('+' | '-' | '!' | '~') unary | ('++' | '--') NAME | primary */
static intmax_t arith_unary(struct arith *x)
{
    skip_space(x);
    const char *save = x->p;
    char name[256];
    if (strncmp(x->p, "++", 2) == 0 || strncmp(x->p, "--", 2) == 0) {
        x->p += 2;
        if (read_name(x, name, sizeof name)) {
            intmax_t v = var_read(x, name);
            v = save[0] == '+' ? wrap_add(v, 1) : wrap_sub(v, 1);
            var_write(x, name, v);
            return v;
        }
        x->p = save;    /* `--5` is minus minus five, as in dash */
    }
    char c = *x->p;
    if (c == '+' || c == '-' || c == '!' || c == '~') {
        x->p++;
        if (++x->depth > ARITH_MAX_DEPTH)
            return arith_fail(x, "expression nested too deeply");
        intmax_t v = arith_unary(x);
        x->depth--;
        return c == '-' ? wrap_sub(0, v) : c == '!' ? !v : c == '~' ? ~v : v;
    }
    return arith_primary(x);
}

/* Division and remainder without SIGFPE: INTMAX_MIN / -1 wraps. */
static intmax_t arith_divide(struct arith *x, intmax_t a, intmax_t b, bool rem)
{
    if (b == 0)
        return x->noeval ? 0 : arith_fail(x, "division by zero");
    if (b == -1)
        return rem ? 0 : wrap_sub(0, a);
    return rem ? a % b : a / b;
}

/* mul -> unary { ('*' | '/' | '%') unary } */
static intmax_t arith_mul(struct arith *x)
{
    intmax_t v = arith_unary(x);
    for (;;) {
        if (accept(x, "*"))
            v = wrap_mul(v, arith_unary(x));
        else if (accept(x, "/"))
            v = arith_divide(x, v, arith_unary(x), false);
        else if (accept(x, "%"))
            v = arith_divide(x, v, arith_unary(x), true);
        else
            return v;
    }
}

/* add -> mul { ('+' | '-') mul } */
static intmax_t arith_add(struct arith *x)
{
    intmax_t v = arith_mul(x);
    for (;;) {
        skip_space(x);
        /* `a--b` is a - -b: a binary operator is never ++ or -- here */
        if (*x->p == '+' && x->p[1] != '=') {
            x->p++;
            v = wrap_add(v, arith_mul(x));
        } else if (*x->p == '-' && x->p[1] != '=') {
            x->p++;
            v = wrap_sub(v, arith_mul(x));
        } else {
            return v;
        }
    }
}

static intmax_t shift(intmax_t v, intmax_t n, bool left)
{
    unsigned s = (unsigned)((uintmax_t)n & 63);     /* never UB, as x86 does */
    if (left)
        return (intmax_t)((uintmax_t)v << s);
    return v < 0 ? ~(~v >> s) : v >> s;     /* arithmetic shift without relying on >> of negatives */
}

/* shift -> add { ('<<' | '>>') add } */
static intmax_t arith_shift(struct arith *x)
{
    intmax_t v = arith_add(x);
    for (;;) {
        if (accept(x, "<<"))
            v = shift(v, arith_add(x), true);
        else if (accept(x, ">>"))
            v = shift(v, arith_add(x), false);
        else
            return v;
    }
}

/* rel -> shift { ('<' | '<=' | '>' | '>=') shift } */
static intmax_t arith_rel(struct arith *x)
{
    intmax_t v = arith_shift(x);
    for (;;) {
        if (accept(x, "<="))
            v = v <= arith_shift(x);
        else if (accept(x, ">="))
            v = v >= arith_shift(x);
        else if (accept(x, "<"))
            v = v < arith_shift(x);
        else if (accept(x, ">"))
            v = v > arith_shift(x);
        else
            return v;
    }
}

/* eq -> rel { ('==' | '!=') rel } */
static intmax_t arith_eq(struct arith *x)
{
    intmax_t v = arith_rel(x);
    for (;;) {
        if (accept(x, "=="))
            v = v == arith_rel(x);
        else if (accept(x, "!="))
            v = v != arith_rel(x);
        else
            return v;
    }
}

/* band -> eq { '&' eq };  bxor -> band { '^' band };  bor -> bxor { '|' bxor } */
static intmax_t arith_band(struct arith *x)
{
    intmax_t v = arith_eq(x);
    while (accept(x, "&"))
        v &= arith_eq(x);
    return v;
}

static intmax_t arith_bxor(struct arith *x)
{
    intmax_t v = arith_band(x);
    while (accept(x, "^"))
        v ^= arith_band(x);
    return v;
}

static intmax_t arith_bor(struct arith *x)
{
    intmax_t v = arith_bxor(x);
    while (accept(x, "|"))
        v |= arith_bxor(x);
    return v;
}

/* land -> bor { '&&' bor }   (the right side is skipped once v is 0) */
static intmax_t arith_land(struct arith *x)
{
    intmax_t v = arith_bor(x);
    while (accept(x, "&&")) {
        bool skip = v == 0;
        x->noeval += skip;
        intmax_t r = arith_bor(x);
        x->noeval -= skip;
        v = !skip && r != 0;
    }
    return v;
}

/* lor -> land { '||' land }   (the right side is skipped once v is 1) */
static intmax_t arith_lor(struct arith *x)
{
    intmax_t v = arith_land(x);
    while (accept(x, "||")) {
        bool skip = v != 0;
        x->noeval += skip;
        intmax_t r = arith_land(x);
        x->noeval -= skip;
        v = skip || r != 0;
    }
    return v;
}

/* cond -> lor ['?' assign ':' cond] */
static intmax_t arith_cond(struct arith *x)
{
    intmax_t c = arith_lor(x);
    if (!accept(x, "?"))
        return c;
    x->noeval += !c;
    intmax_t a = arith_assign(x);
    x->noeval -= !c;
    if (!accept(x, ":"))
        return arith_fail(x, "syntax error: expecting ':'");
    x->noeval += !!c;
    intmax_t b = arith_cond(x);
    x->noeval -= !!c;
    return c ? a : b;
}

/* Apply compound operator OP ("+=" ...) to OLD and RHS. */
static intmax_t apply_op(struct arith *x, const char *op, intmax_t old, intmax_t rhs)
{
    switch (op[0]) {
    case '=': return rhs;
    case '*': return wrap_mul(old, rhs);
    case '/': return arith_divide(x, old, rhs, false);
    case '%': return arith_divide(x, old, rhs, true);
    case '+': return wrap_add(old, rhs);
    case '-': return wrap_sub(old, rhs);
    case '<': return shift(old, rhs, true);
    case '>': return shift(old, rhs, false);
    case '&': return old & rhs;
    case '^': return old ^ rhs;
    default:  return old | rhs;
    }
}

/* assign -> NAME ('=' | '*=' | ... | '|=') assign | cond */
static intmax_t arith_assign_rule(struct arith *x);

/* Every '(', '?' and '=' comes back here: the one place to bound the depth. */
static intmax_t arith_assign(struct arith *x)
{
    if (x->failed)
        return 0;   /* after an error nothing more is evaluated or parsed */
    if (++x->depth > ARITH_MAX_DEPTH)
        return arith_fail(x, "expression nested too deeply");
    intmax_t v = arith_assign_rule(x);
    x->depth--;
    return v;
}

static intmax_t arith_assign_rule(struct arith *x)
{
    static const char *const ops[] = {
        "<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="
    };
    const char *save = x->p;
    char name[256];
    if (read_name(x, name, sizeof name)) {
        skip_space(x);
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
            if (x->p[0] != ops[i][0])
                continue;       /* cheap first-character test before strncmp */
            size_t n = strlen(ops[i]);
            if (strncmp(x->p, ops[i], n) != 0 || (n == 1 && x->p[1] == '='))
                continue;
            x->p += n;
            intmax_t rhs = arith_assign(x);
            intmax_t v = ops[i][0] == '=' ? rhs : apply_op(x, ops[i], var_read(x, name), rhs);
            var_write(x, name, v);
            return v;
        }
    }
    x->p = save;
    return arith_cond(x);
}

int arith_eval(struct vars *vars, unsigned set_flags, const char *expr, intmax_t *result)
{
    struct arith x = { vars, set_flags, expr, expr, 0, false, 0 };
    intmax_t v = arith_assign(&x);
    skip_space(&x);
    if (!x.failed && *x.p != '\0')
        arith_fail(&x, "syntax error: expecting end of expression");
    if (x.failed)
        return -1;
    *result = v;
    return 0;
}
