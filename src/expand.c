/*
 * expand.c -- words to fields, in the order of POSIX XCU 2.6: tilde,
 * parameter, command substitution and arithmetic expansion, then field
 * splitting, pathname expansion and quote removal.
 *
 * Owns: what each quoting context protects, IFS splitting, glob(3) calls,
 *       the parameter operators (${x-w} ${x#p} ...) and the special
 *       parameters ($@ $* $# $? $- $$ $! $0 $LINENO).
 * Never: runs a command itself (sh->ops.cmdsub does), nor exits on error:
 *        it prints, sets sh->last_status and returns -1 or NULL.
 *
 * How it works: a word is first expanded into an `xbuf`, the text plus one
 * flag byte per character saying whether it is quoted (no splitting, no
 * globbing) or came from an unquoted expansion (subject to splitting).
 * Two zero-width markers live in the text as NUL bytes: F_MARK says "a
 * field exists here even if it stays empty" (from "" or ''), F_BREAK is a
 * hard field boundary (between the parameters of "$@").  Splitting walks
 * that buffer once; each finished field is then globbed or quote-removed.
 */
#include "expand.h"

#include <fnmatch.h>
#include <glob.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "diag.h"

/* glibc shows NSIG only outside strict POSIX mode; shell.h needs it */
#ifndef NSIG
#define NSIG _NSIG
#endif
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

enum {
    F_QUOTED = 1u << 0,     /* protected from splitting and globbing */
    F_SPLIT = 1u << 1,      /* from an unquoted expansion: IFS characters split here */
    F_MARK = 1u << 2,       /* zero width: the field exists even if empty */
    F_BREAK = 1u << 3       /* zero width: a field ends here ("$@") */
};

enum {
    C_DQ = 1u << 0,         /* inside "...": everything is quoted */
    C_ARG = 1u << 1,        /* the word of an unquoted ${x-word}: literal text splits too */
    C_TOP = 1u << 2         /* the word itself (tilde after ':' in assignments) */
};

struct xbuf {
    struct strbuf text;
    unsigned char *fl;      /* one flag byte per text byte */
    size_t cap;
    bool any_split;         /* some byte has F_SPLIT (IFS matters) */
};

struct xctx {
    struct shell *sh;
    struct arena *a;
    unsigned flags;         /* EXP_* */
    bool split;             /* expand_words: "$@" makes separate fields */
    struct xbuf *out;
};

static int xp_parts(struct xctx *x, const struct wpart *p, unsigned ctx);
static char *xp_string(struct xctx *x, const struct wpart *p, unsigned flags);

/* ==== Spare buffers ==== */

/*
 * Every word needs a flagged buffer (xbuf below), a $(...) an output
 * buffer; a loop body expands the same few words on every turn.  Freed
 * small buffers are kept here and handed out again, which saves a
 * malloc/realloc/free round trip per buffer (a fifth of the arith
 * benchmark's instructions).  Big ones are freed, so one huge expansion
 * does not stay allocated.
 */
#define SPARE_MAX 16
#define SPARE_CAP 4096

static struct strbuf spare[SPARE_MAX];
static size_t nspare;

/* An empty buffer, with memory from the spares when there is one. */
static struct strbuf spare_take(void)
{
    struct strbuf sb = STRBUF_INIT;
    if (nspare > 0) {
        sb = spare[--nspare];
        sb_reset(&sb);
    }
    return sb;
}

/* Keep SB's memory for spare_take (or free it); SB is left empty. */
static void spare_give(struct strbuf *sb)
{
    if (sb->buf != NULL && sb->cap <= SPARE_CAP && nspare < SPARE_MAX) {
        spare[nspare++] = *sb;
        *sb = (struct strbuf)STRBUF_INIT;
        return;
    }
    sb_free(sb);
}

/* ==== The flagged buffer ==== */

/* Freed flagged buffers, kept whole (text and flags) as the spares above. */
static struct xbuf xb_spare[SPARE_MAX];
static size_t nxb_spare;

/* Empty B for the next word, keeping its memory. */
static void xb_reset(struct xbuf *b)
{
    sb_reset(&b->text);
    b->any_split = false;
}

static void xb_init(struct xbuf *b)
{
    if (nxb_spare > 0) {
        *b = xb_spare[--nxb_spare];
        xb_reset(b);
        return;
    }
    b->text = (struct strbuf)STRBUF_INIT;
    b->fl = NULL;
    b->cap = 0;
    b->any_split = false;
}

static void xb_add(struct xbuf *b, const char *s, size_t n, unsigned fl)
{
    if (n == 0)
        return;
    size_t len = b->text.len;
    if (len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < len + n)
            cap *= 2;
        b->fl = xrealloc(b->fl, cap);
        b->cap = cap;
    }
    sb_reserve(&b->text, n);
    char *t = b->text.buf + len;
    unsigned char *f = b->fl + len;
    if (n <= 16) {
        /* most pieces are a few bytes: a loop costs less than two calls */
        for (size_t i = 0; i < n; i++) {
            t[i] = s[i];
            f[i] = (unsigned char)fl;
        }
    } else {
        memcpy(t, s, n);
        memset(f, (int)fl, n);
    }
    t[n] = '\0';
    b->text.len = len + n;
    b->any_split = b->any_split || (fl & F_SPLIT);
}

static void xb_marker(struct xbuf *b, unsigned fl)
{
    xb_add(b, "", 1, fl);       /* the NUL byte itself is never output */
}

static void xb_free(struct xbuf *b)
{
    if (b->text.cap <= SPARE_CAP && b->cap <= SPARE_CAP && nxb_spare < SPARE_MAX) {
        xb_spare[nxb_spare++] = *b;
    } else {
        sb_free(&b->text);
        free(b->fl);
    }
    b->text = (struct strbuf)STRBUF_INIT;
    b->fl = NULL;
    b->cap = 0;
}

/* Append an expansion's result: quoted inside "...", splittable outside. */
static void xp_value(struct xctx *x, const char *s, size_t n, unsigned ctx)
{
    xb_add(x->out, s, n, (ctx & C_DQ) ? F_QUOTED : F_SPLIT);
}

static bool is_glob_char(char c)
{
    return c == '*' || c == '?' || c == '[';
}

/*
 * Characters fnmatch/glob would treat specially, also inside a bracket
 * expression ('-' for a range, '!' and '^' to negate, ':' of a class name):
 * escape them when quoted, so `[a\-z]`, `["!"a]` and `[[:punct\:]]` keep
 * them literal.
 */
static bool needs_escape(char c)
{
    return is_glob_char(c) || c == ']' || c == '\\' || c == '-' || c == '!' || c == '^'
           || c == ':';
}

/* Bytes FROM..TO of the buffer as one string, without the markers: quote
 * removal, or (PATTERN) quoted special characters escaped for fnmatch. */
static char *xb_range(struct arena *a, const struct xbuf *b, size_t from, size_t to,
                      bool pattern)
{
    /* written straight into the arena: at most one escape per byte */
    char *s = arena_alloc(a, (pattern ? 2 * (to - from) : to - from) + 1);
    size_t j = 0;
    for (size_t i = from; i < to; i++) {
        if (b->fl[i] & (F_MARK | F_BREAK))
            continue;
        if (pattern && (b->fl[i] & F_QUOTED) && needs_escape(b->text.buf[i]))
            s[j++] = '\\';
        s[j++] = b->text.buf[i];
    }
    s[j] = '\0';
    return s;
}

/* The whole buffer as one string (see xb_range). */
static char *xb_string(struct arena *a, const struct xbuf *b, bool pattern)
{
    return xb_range(a, b, 0, b->text.len, pattern);
}

/* ==== Tilde expansion ==== */

/* The home directory for ~USER (USER empty: $HOME), or NULL to leave it. */
static const char *tilde_home(struct xctx *x, const char *user)
{
    if (*user == '\0')
        return vars_get(x->sh->vars, "HOME");
    struct passwd *pw = getpwnam(user);
    return pw ? pw->pw_dir : NULL;
}

/*
 * Try a tilde-prefix at S (which starts with '~').  STOP lists the
 * characters that end the prefix; AT_END_OK says whether the prefix may run
 * to the end of this literal (false when a quoted or expanded part follows,
 * since a tilde-prefix must be entirely unquoted).  Returns the characters
 * consumed, 0 if nothing was expanded.
 */
static size_t tilde_try(struct xctx *x, const char *s, const char *stop, bool at_end_ok)
{
    size_t n = 1 + strcspn(s + 1, stop);
    if (s[n] == '\0' && !at_end_ok)
        return 0;
    char *user = arena_strndup(x->a, s + 1, n - 1);
    const char *home = tilde_home(x, user);
    if (home == NULL)
        return 0;
    xb_add(x->out, home, strlen(home), F_QUOTED);   /* never split or globbed */
    return n;
}

/*
 * Unquoted literal text.  FIRST: the text starts the word, so a leading
 * '~' may expand.  In an assignment (EXP_ASSIGN, top level) a '~' after
 * the first '=' of NAME= or after any ':' may expand too.
 */
static void xp_literal(struct xctx *x, const char *s, bool first, bool last, unsigned ctx)
{
    unsigned fl = (ctx & C_DQ) ? F_QUOTED : (ctx & C_ARG) ? F_SPLIT : 0;
    bool tilde = !(x->flags & EXP_NOTILDE) && !(ctx & C_DQ);
    size_t plain = strcspn(s, "~");
    if (s[plain] == '\0') {
        xb_add(x->out, s, plain, fl);   /* no '~' at all: the common case */
        return;
    }
    /* in an assignment, ':' starts a tilde-prefix in ${x-word} too: x=~:${u-~:~} */
    bool assign = tilde && (x->flags & EXP_ASSIGN) && (ctx & (C_TOP | C_ARG));
    const char *stop = assign ? "/:" : "/";
    size_t eq = 0;
    if (assign && first && (ctx & C_TOP) && vars_is_assignment(s, &eq))
        eq++;                       /* the index just after NAME= */
    size_t i = 0;
    while (s[i] != '\0') {
        bool at = (i == 0 && first) || (assign && i > 0 && (s[i - 1] == ':' || i == eq));
        size_t used = 0;
        if (tilde && at && s[i] == '~')
            used = tilde_try(x, s + i, stop, last);
        if (used == 0) {
            /* the run up to the next '~': only there can a tilde-prefix start */
            used = tilde ? 1 + strcspn(s + i + 1, "~") : strlen(s + i);
            xb_add(x->out, s + i, used, fl);
        }
        i += used;
    }
}

/* ==== Special and positional parameters ==== */

static bool is_list_param(const char *name)
{
    return strcmp(name, "@") == 0 || strcmp(name, "*") == 0;
}

/* $* or $@ joined as one string (for tests, lengths and no-split contexts). */
static char *join_params(struct xctx *x, const char *name)
{
    const char *ifs = vars_get(x->sh->vars, "IFS");
    char sep = name[0] == '@' ? ' ' : ifs == NULL ? ' ' : ifs[0];
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < x->sh->nparams; i++) {
        if (i > 0 && sep != '\0')
            sb_putc(&sb, sep);
        sb_puts(&sb, x->sh->params[i]);
    }
    char *s = arena_strdup(x->a, sb_str(&sb));
    sb_free(&sb);
    return s;
}

static bool all_digits(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* A number as an arena string. */
static char *num_str(struct arena *a, intmax_t n)
{
    char buf[ARITH_DIGITS];
    return arena_strdup(a, arith_format(buf, n));
}

/* The value of parameter NAME, or NULL when it is unset. */
static const char *param_get(struct xctx *x, const char *name)
{
    struct shell *sh = x->sh;
    char buf[64];
    if (is_list_param(name))
        return sh->nparams > 0 ? join_params(x, name) : NULL;
    if (all_digits(name)) {
        long n = strtol(name, NULL, 10);
        if (n == 0)
            return sh->arg0 ? sh->arg0 : "";
        return n <= sh->nparams ? sh->params[n - 1] : NULL;
    }
    switch (name[1] == '\0' ? name[0] : 0) {
    case '#': return num_str(x->a, sh->nparams);
    case '?': return num_str(x->a, sh->last_status);
    case '$': return num_str(x->a, (intmax_t)sh->pid);
    case '!': return sh->last_bg_pid ? num_str(x->a, (intmax_t)sh->last_bg_pid) : NULL;
    case '-': return arena_strdup(x->a, shell_flags(sh, buf));
    default: break;
    }
    if (strcmp(name, "LINENO") == 0)
        return num_str(x->a, diag_line());
    return vars_get(sh->vars, name);
}

/* Expand $@ or $* (parameters exist): one field per parameter where it applies. */
static void xp_list(struct xctx *x, const char *name, unsigned ctx)
{
    struct shell *sh = x->sh;
    bool star = name[0] == '*';
    if (!x->split || ((ctx & C_DQ) && star)) {
        char *s = join_params(x, name);
        xp_value(x, s, strlen(s), ctx);
        return;
    }
    for (int i = 0; i < sh->nparams; i++) {
        if (i > 0)
            xb_marker(x->out, F_BREAK);
        if (ctx & C_DQ)
            xb_marker(x->out, F_MARK);  /* "$@": an empty parameter is still a field */
        xp_value(x, sh->params[i], strlen(sh->params[i]), ctx);
    }
}

/* ==== Parameter operators ==== */

static int param_error(struct xctx *x, const char *name, const char *msg)
{
    diag_error(name, "%s", msg);
    x->sh->last_status = STATUS_SYNTAX;
    return -1;
}

/* The word of ${x-word} in the context of the expansion itself. */
static int xp_arg(struct xctx *x, const struct wpart *arg, unsigned ctx)
{
    if (arg == NULL)
        return 0;
    unsigned sub = (ctx & C_DQ) ? ctx : ((ctx & ~C_TOP) | C_ARG);
    if (!(ctx & C_DQ) && arg->kind == WP_LITERAL) {
        xp_literal(x, arg->u.text, true, arg->next == NULL, sub);
        return xp_parts(x, arg->next, sub);
    }
    return xp_parts(x, arg, sub);
}

/* Remove the smallest/largest prefix/suffix of VAL matching PAT. */
static const char *trim(struct arena *a, const char *val, const char *pat, enum param_op op)
{
    size_t len = strlen(val);
    char *tmp = arena_strdup(a, val);
    bool prefix = op == PO_RM_SPREFIX || op == PO_RM_LPREFIX;
    bool smallest = op == PO_RM_SPREFIX || op == PO_RM_SSUFFIX;
    for (size_t k = 0; k <= len; k++) {
        /* try cut points from the shortest or the longest match */
        size_t i = prefix ? (smallest ? k : len - k) : (smallest ? len - k : k);
        bool hit;
        if (prefix) {
            char c = tmp[i];
            tmp[i] = '\0';
            hit = fnmatch(pat, tmp, 0) == 0;
            tmp[i] = c;
            if (hit)
                return val + i;
        } else if (fnmatch(pat, val + i, 0) == 0) {
            return arena_strndup(a, val, i);
        }
    }
    return val;
}

/* ${x=word}: assign the expanded word to x, which must be a variable.  The
 * word is not an assignment: only a leading '~' expands, up to the first
 * '/' (as in dash: ${x=~:y} assigns "~:y", even inside a=${x=...}). */
static const char *param_assign(struct xctx *x, const char *name, const struct wpart *arg)
{
    char *s = xp_string(x, arg, x->flags & EXP_NOTILDE);
    if (s == NULL)
        return NULL;
    if (!vars_valid_name(name)) {
        param_error(x, name, "bad variable name");
        return NULL;
    }
    if (shell_set_var(x->sh, name, s, 0) < 0) {      /* set -a exports it */
        param_error(x, name, "is read only");
        return NULL;
    }
    return s;
}

/* ${x?word}: the error message, expanded, or the default one. */
static int param_fail(struct xctx *x, const char *name, const struct wpart *arg, bool colon)
{
    char *msg = arg ? xp_string(x, arg, 0) : NULL;
    if (arg && msg == NULL)
        return -1;
    if (msg == NULL || *msg == '\0')
        msg = colon ? "parameter not set or null" : "parameter not set";
    return param_error(x, name, msg);
}

/* Put VAL (NULL: unset) into the output as the plain expansion of NAME. */
static int xp_plain(struct xctx *x, const char *name, const char *val, unsigned ctx)
{
    if (val == NULL) {
        if (x->sh->opt.nounset && !is_list_param(name))
            return param_error(x, name, "parameter not set");
        return 0;
    }
    if (is_list_param(name))
        xp_list(x, name, ctx);
    else
        xp_value(x, val, strlen(val), ctx);
    return 0;
}

/* ${#x} and ${x#p} ${x##p} ${x%p} ${x%%p} */
static int xp_measure_trim(struct xctx *x, const struct wpart *p, const char *val, unsigned ctx)
{
    const char *name = p->u.param.name;
    if (val == NULL && x->sh->opt.nounset && !is_list_param(name))
        return param_error(x, name, "parameter not set");
    const char *res;
    if (val == NULL) {
        /* unset: nothing to trim, and the pattern is not expanded (as in
         * dash: ${u#${c=w}} leaves c alone when u is unset) */
        res = p->u.param.op == PO_LENGTH ? "0" : "";
    } else if (p->u.param.op == PO_LENGTH) {
        res = num_str(x->a, (intmax_t)strlen(val));
    } else {
        /* copy first: the pattern may assign the variable (${x#$((x=5))})
         * and free the value VAL points into */
        val = arena_strdup(x->a, val);
        char *pat = xp_string(x, p->u.param.arg, EXP_PATTERN);
        if (pat == NULL)
            return -1;
        res = trim(x->a, val, pat, p->u.param.op);
    }
    xp_value(x, res, strlen(res), ctx);
    return 0;
}

/* $name ${name} ${name OP word} */
static int xp_param(struct xctx *x, const struct wpart *p, unsigned ctx)
{
    if (p->u.param.op == PO_BAD)
        return param_error(x, NULL, "bad substitution");
    const char *name = p->u.param.name;
    const char *val = param_get(x, name);
    bool use_word = val == NULL || (p->u.param.colon && *val == '\0');
    switch (p->u.param.op) {
    case PO_NONE:
        return xp_plain(x, name, val, ctx);
    case PO_DEFAULT:
        return use_word ? xp_arg(x, p->u.param.arg, ctx) : xp_plain(x, name, val, ctx);
    case PO_ALT:
        return use_word ? 0 : xp_arg(x, p->u.param.arg, ctx);
    case PO_ERROR:
        if (use_word)
            return param_fail(x, name, p->u.param.arg, p->u.param.colon);
        return xp_plain(x, name, val, ctx);
    case PO_ASSIGN:
        if (use_word && (val = param_assign(x, name, p->u.param.arg)) == NULL)
            return -1;
        return xp_plain(x, name, val, ctx);
    default:
        return xp_measure_trim(x, p, val, ctx);
    }
}

/* ==== Command substitution and arithmetic ==== */

static int cmdsub_status;   /* status of the last $(...) expanded */

int expand_cmdsub_status(void)
{
    return cmdsub_status;
}

/* $(cmd): its output, minus every trailing newline (and any NUL byte). */
static int xp_cmdsub(struct xctx *x, const struct wpart *p, unsigned ctx)
{
    struct strbuf sb = spare_take();
    int status = 0;
    int before = x->sh->last_status;
    if (p->u.cmd != NULL && x->sh->ops.cmdsub != NULL)
        status = x->sh->ops.cmdsub(x->sh, p->u.cmd, &sb);
    /* `$?` later in the same command is still the status before it
     * (`echo $(exit 4) $?` prints "4 0", as in dash); the executor asks
     * expand_cmdsub_status() for an assignment-only command's status */
    x->sh->last_status = before;
    cmdsub_status = status;
    size_t n = sb.len, j = 0;
    while (n > 0 && sb.buf[n - 1] == '\n')
        n--;
    for (size_t i = 0; i < n; i++)     /* a C string cannot hold NUL: drop it */
        if (sb.buf[i] != '\0')
            sb.buf[j++] = sb.buf[i];
    if (j > 0)
        xp_value(x, sb.buf, j, ctx);
    spare_give(&sb);
    return 0;
}

/* $((expr)): expand the inside as if in "...", then evaluate the text. */
static int xp_arith(struct xctx *x, const struct wpart *p, unsigned ctx)
{
    struct xbuf sub;
    xb_init(&sub);
    struct xctx inner = { x->sh, x->a, EXP_NOTILDE, false, &sub };
    int rc = xp_parts(&inner, p->u.inner, C_DQ);
    char *text = xb_string(x->a, &sub, false);
    xb_free(&sub);
    if (rc < 0)
        return -1;
    intmax_t v;
    if (arith_eval(x->sh->vars, x->sh->opt.allexport ? VAR_EXPORT : 0, text, &v) < 0) {
        x->sh->last_status = STATUS_SYNTAX;
        return -1;
    }
    char *s = num_str(x->a, v);
    xp_value(x, s, strlen(s), ctx);
    return 0;
}

/* ==== Walking the parts ==== */

/* "$@" alone in quotes with no parameters gives no field at all. */
static bool only_at(const struct wpart *p)
{
    if (p == NULL)
        return false;
    for (; p != NULL; p = p->next)
        if (p->kind != WP_PARAM || strcmp(p->u.param.name, "@") != 0 || p->u.param.op != PO_NONE)
            return false;
    return true;
}

static int xp_part(struct xctx *x, const struct wpart *p, bool first, unsigned ctx)
{
    switch (p->kind) {
    case WP_LITERAL:
        xp_literal(x, p->u.text, first && (ctx & C_TOP), p->next == NULL, ctx);
        return 0;
    case WP_QUOTED:
        xb_marker(x->out, F_MARK);
        xb_add(x->out, p->u.text, strlen(p->u.text), F_QUOTED);
        return 0;
    case WP_DQUOTED:
        if (!only_at(p->u.inner))
            xb_marker(x->out, F_MARK);
        return xp_parts(x, p->u.inner, (ctx & ~C_TOP) | C_DQ);
    case WP_PARAM:
        return xp_param(x, p, ctx);
    case WP_CMDSUB:
        return xp_cmdsub(x, p, ctx);
    case WP_ARITH:
        return xp_arith(x, p, ctx);
    }
    return 0;
}

static int xp_parts(struct xctx *x, const struct wpart *p, unsigned ctx)
{
    for (bool first = true; p != NULL; p = p->next, first = false)
        if (xp_part(x, p, first, ctx) < 0)
            return -1;
    return 0;
}

/*
 * Expand parts P to one string with FLAGS (EXP_PATTERN escapes quoted
 * glob characters).  For the words inside ${x=w}, ${x#p}, ${x?w}.
 */
static char *xp_string(struct xctx *x, const struct wpart *p, unsigned flags)
{
    struct xbuf b;
    xb_init(&b);
    struct xctx sub = { x->sh, x->a, flags, false, &b };
    char *s = NULL;
    if (xp_parts(&sub, p, C_TOP) == 0)
        s = xb_string(x->a, &b, (flags & EXP_PATTERN) != 0);
    xb_free(&b);
    return s;
}

/* ==== Field splitting and pathname expansion ==== */

struct argv_vec {
    char **v;
    size_t len, cap;
};

/* Append S (already in the arena) to AV. */
static void argv_push(struct argv_vec *av, struct arena *a, char *s)
{
    if (av->len + 1 >= av->cap) {
        /* in the arena, so the finished vector is the argv itself */
        av->cap = av->cap ? av->cap * 2 : 16;
        char **v = arena_alloc(a, av->cap * sizeof *v);
        if (av->len > 0)
            memcpy(v, av->v, av->len * sizeof *v);
        av->v = v;
    }
    av->v[av->len++] = s;
}

/*
 * One field being found: it is the bytes of the buffer from FROM up to
 * where it ends, minus the zero-width markers (an IFS character ends a
 * field, so none is ever inside one).  GLOB: it has an unquoted glob
 * character; HAVE: it exists, even if empty.
 */
struct field {
    size_t from;
    bool glob, have;
};

/* Can PAT (escaped for glob) match anything but itself?  An unescaped '*'
 * or '?', or a '[' with a ']' after it.  A lone `[` (the test command)
 * cannot, and glob() would read the whole directory to find that out. */
static bool pattern_has_magic(const char *pat)
{
    for (; *pat != '\0'; pat++) {
        if (*pat == '\\' && pat[1] != '\0')
            pat++;
        else if (*pat == '*' || *pat == '?' || (*pat == '[' && strchr(pat + 1, ']') != NULL))
            return true;
    }
    return false;
}

/* Finish the field that ends at TO: glob it if it has unquoted glob
 * characters, else keep its text.  The next field starts at NEXT. */
static void field_emit(struct xctx *x, const struct xbuf *b, struct field *f, size_t to,
                       size_t next, struct argv_vec *av)
{
    char *plain = xb_range(x->a, b, f->from, to, false);
    glob_t g;
    int rc = -1;
    if (f->glob && !x->sh->opt.noglob) {
        char *pat = xb_range(x->a, b, f->from, to, true);
        if (pattern_has_magic(pat))
            rc = glob(pat, 0, NULL, &g);
    }
    if (rc == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            argv_push(av, x->a, arena_strdup(x->a, g.gl_pathv[i]));
    } else {
        argv_push(av, x->a, plain);     /* no match: the word itself */
    }
    if (rc != -1)
        globfree(&g);       /* glob may have allocated even when it failed */
    f->from = next;
    f->glob = f->have = false;
}

/*
 * Skip a run of IFS characters from unquoted expansions starting at I:
 * IFS white space, at most one other IFS character, IFS white space.
 * Returns the index after the run; *hard is set if a non-white one was in it.
 */
static size_t ifs_run(const struct xbuf *b, size_t i, const char *ifs, bool *hard)
{
    *hard = false;
    for (; i < b->text.len; i++) {
        char c = b->text.buf[i];
        if (!(b->fl[i] & F_SPLIT) || c == '\0' || strchr(ifs, c) == NULL)
            break;
        if (c == ' ' || c == '\t' || c == '\n')
            continue;
        if (*hard)
            break;          /* a second delimiter starts the next run */
        *hard = true;
    }
    return i;
}

/* Split the expanded word in B into fields and glob each (XCU 2.6.5, 2.6.6). */
static void split_fields(struct xctx *x, const struct xbuf *b, struct argv_vec *av)
{
    /* IFS matters only where an unquoted expansion put text */
    const char *ifs = b->any_split ? vars_get(x->sh->vars, "IFS") : NULL;
    if (ifs == NULL)
        ifs = " \t\n";
    struct field f = { 0, false, false };
    size_t i = 0;
    while (i < b->text.len) {
        unsigned fl = b->fl[i];
        char c = b->text.buf[i];
        if (fl & (F_MARK | F_BREAK)) {
            if ((fl & F_BREAK) && f.have)
                field_emit(x, b, &f, i, i, av);
            f.have = f.have || (fl & F_MARK);
            i++;
        } else if ((fl & F_SPLIT) && strchr(ifs, c) != NULL) {
            bool hard;
            size_t end = ifs_run(b, i, ifs, &hard);
            if (hard || f.have)     /* "a::b" keeps the empty middle field */
                field_emit(x, b, &f, i, end, av);
            f.from = end;           /* (before a field: only markers were skipped) */
            i = end;
        } else {
            f.glob = f.glob || (!(fl & F_QUOTED) && is_glob_char(c));
            f.have = true;
            i++;
        }
    }
    if (f.have)
        field_emit(x, b, &f, i, i, av);
}

/* ==== Entry points ==== */

/* Is W written as NAME=... with NAME and '=' unquoted (a declaration's assignment)? */
static bool word_is_assignment(const struct word *w)
{
    size_t len;
    return w->parts != NULL && w->parts->kind == WP_LITERAL
           && vars_is_assignment(w->parts->u.text, &len);
}

/* Expand one word into fields, appended to AV, with B (emptied first) as
 * the buffer.  0 or -1. */
static int expand_fields(struct shell *sh, struct arena *a, const struct word *w,
                         struct xbuf *b, struct argv_vec *av)
{
    xb_reset(b);
    struct xctx x = { sh, a, 0, true, b };
    int rc = xp_parts(&x, w->parts, C_TOP);
    if (rc == 0)
        split_fields(&x, b, av);
    return rc;
}

int expand_command(struct shell *sh, struct arena *a, const struct word *words,
                   expand_decl_fn *is_decl, char ***argv_out, size_t *argc_out)
{
    struct argv_vec av = { NULL, 0, 0 };
    enum decl_kind decl = is_decl != NULL ? DECL_NEXT : DECL_NO;
    int rc = 0;
    struct xbuf b;      /* one buffer for all the words */
    xb_init(&b);
    for (const struct word *w = words; w != NULL && rc == 0; w = w->next) {
        if (decl == DECL_YES && word_is_assignment(w)) {
            /* export/readonly/local NAME=value: expanded as an assignment,
             * one field, tilde after '=' and ':' (XCU 2.9.1.1) */
            char *s = expand_word(sh, a, w, EXP_ASSIGN);
            if (s == NULL)
                rc = -1;
            else
                argv_push(&av, a, s);
            continue;
        }
        size_t before = av.len;
        rc = expand_fields(sh, a, w, &b, &av);
        for (size_t i = before; i < av.len && decl == DECL_NEXT; i++)
            decl = is_decl(sh, av.v[i]);    /* the command name decides */
    }
    xb_free(&b);
    /* argv_push always leaves room for the NULL */
    char **argv = av.v != NULL ? av.v : arena_alloc(a, sizeof *argv);
    argv[av.len] = NULL;
    *argv_out = argv;
    if (argc_out != NULL)
        *argc_out = av.len;
    return rc;
}

int expand_words(struct shell *sh, struct arena *a, const struct word *words,
                 char ***argv_out, size_t *argc_out)
{
    return expand_command(sh, a, words, NULL, argv_out, argc_out);
}

char *expand_word(struct shell *sh, struct arena *a, const struct word *w, unsigned flags)
{
    struct xctx x = { sh, a, flags, false, NULL };
    return xp_string(&x, w->parts, flags);
}

char *expand_heredoc(struct shell *sh, struct arena *a, const struct redir *r)
{
    return expand_word(sh, a, r->target, EXP_NOTILDE);
}

/* ==== Prompts ==== */

/* Length of the name after '$' in a prompt: a variable name or one special character. */
static size_t prompt_name_len(const char *s)
{
    if (strchr("@*#?-$!0123456789", *s) != NULL && *s != '\0')
        return 1;
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '_'
           || (n > 0 && s[n] >= '0' && s[n] <= '9'))
        n++;
    return n;
}

/* At "$((": the length of the whole $((...)) or 0 if it is not closed. */
static size_t prompt_arith_len(const char *s)
{
    int depth = 0;
    for (size_t i = 3; s[i] != '\0'; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
        else if (s[i] == ')' && s[i + 1] == ')')
            return i + 2;
    }
    return 0;
}

/* One $-expansion of a prompt at S; appends to SB, returns the length used. */
static size_t prompt_dollar(struct xctx *x, const char *s, struct strbuf *sb)
{
    size_t n;
    const char *name = NULL;
    if (strncmp(s, "$((", 3) == 0 && (n = prompt_arith_len(s)) > 0) {
        char *inner = expand_prompt(x->sh, x->a, arena_strndup(x->a, s + 3, n - 5));
        intmax_t v;
        if (inner != NULL && arith_eval(x->sh->vars, x->sh->opt.allexport ? VAR_EXPORT : 0, inner, &v) == 0)
            sb_printf(sb, "%jd", v);
        return n;
    }
    if (s[1] == '{' && (n = prompt_name_len(s + 2)) > 0 && s[2 + n] == '}') {
        name = arena_strndup(x->a, s + 2, n);
        n += 3;
    } else if ((n = prompt_name_len(s + 1)) > 0) {
        name = arena_strndup(x->a, s + 1, n);
        n += 1;
    }
    if (name == NULL) {
        sb_putc(sb, '$');       /* a lone '$' (or $(...), which needs the parser) */
        return 1;
    }
    const char *val = param_get(x, name);
    sb_puts(sb, val ? val : "");
    return n;
}

/*
 * PS1/PS2/PS4: $name, ${name}, the special parameters and $((...)).
 * Command substitution would need the parser, so $(...) stays as text.
 * Never fails: an arithmetic error prints and expands to nothing.
 */
char *expand_prompt(struct shell *sh, struct arena *a, const char *text)
{
    struct xctx x = { sh, a, 0, false, NULL };
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; text[i] != '\0';) {
        if (text[i] == '$') {
            i += prompt_dollar(&x, text + i, &sb);
        } else {
            sb_putc(&sb, text[i]);
            i++;
        }
    }
    char *s = arena_strdup(a, sb_str(&sb));
    sb_free(&sb);
    return s;
}

bool expand_match(const char *pattern, const char *text)
{
    return fnmatch(pattern, text, 0) == 0;
}
