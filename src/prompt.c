/*
 * prompt.c -- PS1 and PS2 as the user sees them: bash-style backslash
 * escapes first, then parameter expansion (expand_prompt).
 *
 * Owns: the escape table (\u \h \w \$ ...).
 * Never: reads input or writes to the terminal.
 *
 * Escapes come first, as in bash: `\$` must become '$' or '#' before
 * expansion could take the backslash away, and values put in by escapes
 * (a directory named '$HOME') are quoted so expansion leaves them alone.
 */
#include "prompt.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "expand.h"
#include "shell.h"
#include "vars.h"

/* readline's markers around text that takes no room on the screen
 * (RL_PROMPT_START_IGNORE, RL_PROMPT_END_IGNORE). */
#define PROMPT_IGNORE_START '\001'
#define PROMPT_IGNORE_END '\002'

/* expand_prompt expands $name, ${name} and $((...)) and takes backslashes
 * literally, so a '$' put in by an escape (a directory called '$x', or \$)
 * is hidden from it as this byte and turned back into '$' afterwards. */
#define PROMPT_DOLLAR '\037'

/* Append VALUE; with QUOTE, hide its '$' from expansion. */
static void put_value(struct strbuf *out, const char *value, bool quote)
{
    for (const char *p = value; *p != '\0'; p++)
        sb_putc(out, quote && *p == '$' ? PROMPT_DOLLAR : *p);
}

static const char *user_name(struct shell *sh)
{
    struct passwd *pw = getpwuid(geteuid());
    if (pw != NULL)
        return pw->pw_name;
    const char *user = vars_get(sh->vars, "USER");
    return user != NULL ? user : "?";
}

/* \h (SHORT: up to the first dot) and \H. */
static void put_host(struct strbuf *out, bool short_form, bool quote)
{
    char host[256];
    if (gethostname(host, sizeof host) < 0)
        return;
    host[sizeof host - 1] = '\0';
    if (short_form)
        host[strcspn(host, ".")] = '\0';
    put_value(out, host, quote);
}

/* $PWD with a leading $HOME shown as ~ (\w), or only its last part (\W). */
static void put_dir(struct shell *sh, struct strbuf *out, bool last_only, bool quote)
{
    const char *pwd = vars_get(sh->vars, "PWD");
    const char *home = vars_get(sh->vars, "HOME");
    size_t hlen = home != NULL ? strlen(home) : 0;
    if (pwd == NULL)
        return;
    bool under_home = hlen > 1 && strncmp(pwd, home, hlen) == 0
                      && (pwd[hlen] == '\0' || pwd[hlen] == '/');
    if (under_home && (pwd[hlen] == '\0' || !last_only)) {
        sb_putc(out, '~');
        put_value(out, pwd + hlen, quote);
        return;
    }
    if (last_only && strcmp(pwd, "/") != 0) {
        const char *slash = strrchr(pwd, '/');
        if (slash != NULL && slash[1] != '\0')
            pwd = slash + 1;
    }
    put_value(out, pwd, quote);
}

/* \t \T \d through strftime with FORMAT. */
static void put_time(struct strbuf *out, const char *format)
{
    char buf[64];
    struct tm tm;
    time_t now = time(NULL);
    if (localtime_r(&now, &tm) == NULL)
        return;
    if (strftime(buf, sizeof buf, format, &tm) > 0)
        sb_puts(out, buf);
}

/* Number of jobs `jobs` would list (\j). */
static int count_jobs(const struct shell *sh)
{
    int n = 0;
    for (size_t i = 0; i < sh->jobs.len; i++) {
        if (sh->jobs.jobs[i] != NULL && sh->jobs.jobs[i]->id > 0)
            n++;
    }
    return n;
}

/* \NNN: up to three octal digits at *P.  Returns how many were used. */
static int put_octal(struct strbuf *out, const char *p)
{
    int value = 0, n = 0;
    while (n < 3 && p[n] >= '0' && p[n] <= '7')
        value = value * 8 + (p[n++] - '0');
    sb_putc(out, (char)value);
    return n;
}

/* One escape letter C.  Returns false if C is not an escape. */
static bool put_escape(struct shell *sh, struct strbuf *out, char c, bool quote)
{
    switch (c) {
    case 'u': put_value(out, user_name(sh), quote); break;
    case 'h': put_host(out, true, quote); break;
    case 'H': put_host(out, false, quote); break;
    case 'w': put_dir(sh, out, false, quote); break;
    case 'W': put_dir(sh, out, true, quote); break;
    case '$': put_value(out, geteuid() == 0 ? "#" : "$", quote); break;
    case 'j': sb_printf(out, "%d", count_jobs(sh)); break;
    case '?': sb_printf(out, "%d", sh->last_status); break;
    case 's': sb_puts(out, "minish"); break;
    case 't': put_time(out, "%H:%M:%S"); break;
    case 'T': put_time(out, "%I:%M:%S"); break;
    case 'd': put_time(out, "%a %b %d"); break;
    case 'n': sb_putc(out, '\n'); break;
    case 'e': sb_putc(out, '\033'); break;
    case 'a': sb_putc(out, '\a'); break;
    case '\\': sb_putc(out, '\\'); break;
    case '[': sb_putc(out, PROMPT_IGNORE_START); break;
    case ']': sb_putc(out, PROMPT_IGNORE_END); break;
    default: return false;
    }
    return true;
}

void prompt_escapes(struct shell *sh, const char *text, struct strbuf *out, bool for_expansion)
{
    sb_puts(out, "");   /* an empty prompt is "", never a NULL buffer */
    for (const char *p = text; *p != '\0'; p++) {
        if (*p != '\\' || p[1] == '\0') {
            sb_putc(out, *p);
        } else if (p[1] >= '0' && p[1] <= '7') {
            p += put_octal(out, p + 1);
        } else if (put_escape(sh, out, p[1], for_expansion)) {
            p++;
        } else {
            sb_putc(out, *p);   /* unknown: keep the backslash, the next round prints the letter */
        }
    }
}

char *prompt_render(struct shell *sh, const char *ps)
{
    struct strbuf sb = STRBUF_INIT;
    prompt_escapes(sh, ps != NULL ? ps : "", &sb, true);
    int saved_status = sh->last_status;     /* a prompt must not change $? */
    struct arena *a = arena_new();
    char *expanded = expand_prompt(sh, a, sb_str(&sb));
    char *result = xstrdup(expanded != NULL ? expanded : sb_str(&sb));
    for (char *p = result; (p = strchr(p, PROMPT_DOLLAR)) != NULL; p++)
        *p = '$';
    arena_unref(a);
    sb_free(&sb);
    sh->last_status = saved_status;
    return result;
}
