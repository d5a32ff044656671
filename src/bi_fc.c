/*
 * bi_fc.c -- POSIX `fc`: list, edit and run again commands of the history.
 *
 *   fc -l [-nr] [first [last]]        list (the last 16 by default)
 *   fc [-r] [-e editor] [first [last]] edit in a file, then run the result
 *   fc -s [old=new] [first]            run again at once, OLD replaced by NEW
 *
 * Owns: picking entries (a number, a negative offset from the newest, or
 *       the start of a command), the temporary file the editor sees.
 * Never: keeps a history itself: the list is readline's, through history.c.
 *
 * The `fc` line being run is already the newest history entry (a command
 * enters the history before it runs).  It is left out when FIRST and LAST
 * are resolved, so `fc -s` means the command before it; and when fc runs
 * commands, its own entry is replaced by them (POSIX, bash).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>

#include "bi.h"
#include "diag.h"
#include "history.h"
#include "shell.h"
#include "strbuf.h"
#include "sys.h"
#include "vars.h"

#define FC_LIST_DEFAULT "-16"    /* fc -l with no range: the last 16 commands */

struct fc_args {
    bool list, numbers, reverse, redo;  /* -l, not -n, -r, -s (or -e -) */
    const char *editor;                 /* -e EDITOR, or NULL */
    const char *subst;                  /* -s OLD=NEW, or NULL */
    const char *first, *last;           /* the operands, or NULL */
};

/* ==== Options ==== */

/* "-5" is an operand (an offset), not an option. */
static bool is_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0' && !(arg[1] >= '0' && arg[1] <= '9');
}

/* Returns the index of the first operand, or -1 after a usage error. */
static int fc_parse(int argc, char **argv, struct fc_args *a)
{
    int i = 1;
    a->numbers = true;
    for (; i < argc && is_option(argv[i]); i++) {
        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        for (const char *p = argv[i] + 1; *p != '\0'; p++) {
            switch (*p) {
            case 'l': a->list = true; break;
            case 'n': a->numbers = false; break;
            case 'r': a->reverse = true; break;
            case 's': a->redo = true; break;
            case 'e':
                if (p[1] != '\0')
                    a->editor = p + 1;
                else if (i + 1 < argc)
                    a->editor = argv[++i];
                else
                    return -1;
                p += strlen(p) - 1;     /* the rest of this word was the editor */
                break;
            default:
                diag_error("fc", "Illegal option -%c", *p);
                return -1;
            }
        }
    }
    if (a->editor != NULL && strcmp(a->editor, "-") == 0)
        a->redo = true;     /* ksh's spelling of -s */
    return i;
}

/* ==== Picking entries ==== */

/*
 * The newest entry fc may use: the one before the fc command itself when
 * that is the newest entry (interactive use), else the newest.  Returns
 * the absolute number, or history_base - 1 when there is none.
 */
static int fc_newest(void)
{
    int newest = history_base + history_length - 1;
    if (history_running_entry() == newest)
        newest--;
    return newest;
}

/* SPEC to an entry number: N, -N (back from the newest), or a prefix.
 * Returns 0 and sets *OUT, or -1 after an error message. */
static int fc_resolve(const char *spec, int newest, int *out)
{
    char *end;
    long n = strtol(spec, &end, 10);
    if (*spec != '\0' && *end == '\0') {
        if (n < 0)
            n = newest + 1 + n;
        else if (n == 0)
            n = newest;
        if (n < history_base)
            n = history_base;       /* out of range: the oldest or newest (ksh, dash) */
        if (n > newest)
            n = newest;
        *out = (int)n;
        return 0;
    }
    for (int i = newest; i >= history_base; i--) {
        HIST_ENTRY *e = history_get(i);
        if (e != NULL && strncmp(e->line, spec, strlen(spec)) == 0) {
            *out = i;
            return 0;
        }
    }
    diag_error("fc", "%s: no command found", spec);
    return -1;
}

/* The range [*FIRST, *LAST] the arguments name (*FIRST may be the larger). */
static int fc_range(const struct fc_args *a, int *first, int *last)
{
    int newest = fc_newest();
    if (newest < history_base) {
        diag_error("fc", "history is empty");
        return -1;
    }
    /* defaults: -l the last 16 up to the newest; else FIRST alone, or the newest */
    const char *f = a->first != NULL ? a->first : a->list ? FC_LIST_DEFAULT : "-1";
    const char *l = a->last != NULL ? a->last : a->list ? "-1" : f;
    if (fc_resolve(f, newest, first) < 0 || fc_resolve(l, newest, last) < 0)
        return -1;
    return 0;
}

/* Call FN for the entries FIRST..LAST, in that order unless REVERSE. */
static void fc_each(int first, int last, bool reverse, void (*fn)(int, const char *, void *),
                    void *ctx)
{
    bool down = (first > last) != reverse;
    int lo = first < last ? first : last, hi = first < last ? last : first;
    for (int k = 0; k <= hi - lo; k++) {
        int i = down ? hi - k : lo + k;
        HIST_ENTRY *e = history_get(i);
        if (e != NULL)
            fn(i, e->line, ctx);
    }
}

/* ==== -l ==== */

static void print_entry(int num, const char *line, void *ctx)
{
    const bool *numbers = ctx;
    if (*numbers)
        printf("%d", num);
    printf("\t%s\n", line);
}

/* ==== Running commands again ==== */

/* Put TEXT (without its final newline) in the history in place of the fc
 * command, echo it as bash does, and run it.  Returns its status. */
static int fc_run(struct shell *sh, struct strbuf *text)
{
    while (text->len > 0 && text->buf[text->len - 1] == '\n')
        text->buf[--text->len] = '\0';
    if (history_running_entry() == history_base + history_length - 1)
        history_drop_newest();
    history_add_entry(text->buf);
    fprintf(stderr, "%s\n", text->buf);
    fflush(stderr);
    return sh->ops.eval(sh, text->buf, NULL);
}

/* -s [old=new] [first]: the entry, with the first OLD replaced by NEW. */
static int fc_redo(struct shell *sh, const struct fc_args *a)
{
    int first, last;
    struct fc_args one = *a;
    one.last = NULL;
    if (fc_range(&one, &first, &last) < 0)
        return STATUS_FAIL;
    const char *line = history_get(first)->line;
    struct strbuf text = STRBUF_INIT;
    const char *eq = a->subst != NULL ? strchr(a->subst, '=') : NULL;
    char *old = eq != NULL ? xstrndup(a->subst, (size_t)(eq - a->subst)) : NULL;
    const char *at = old != NULL && *old != '\0' ? strstr(line, old) : NULL;
    if (at != NULL) {
        sb_putn(&text, line, (size_t)(at - line));
        sb_puts(&text, eq + 1);
        sb_puts(&text, at + strlen(old));
    } else {
        sb_puts(&text, line);
    }
    free(old);
    int status = fc_run(sh, &text);
    sb_free(&text);
    return status;
}

/* ==== Editing ==== */

static void write_entry(int num, const char *line, void *ctx)
{
    (void)num;
    sb_puts(ctx, line);
    sb_putc(ctx, '\n');
}

/* The whole file at PATH into OUT.  Returns 0, or -1 after a message. */
static int read_file(const char *path, struct strbuf *out)
{
    char buf[4096];
    ssize_t n;
    int fd = sys_open(path, O_RDONLY, 0, "read back what the editor wrote");
    if (fd < 0) {
        diag_error("fc", "%s: %s", path, strerror(errno));
        return -1;
    }
    while ((n = sys_read(fd, buf, sizeof buf)) > 0)
        sb_putn(out, buf, (size_t)n);
    int err = n < 0 ? errno : 0;
    sys_close(fd, "edited commands read");
    if (err != 0)
        diag_error("fc", "%s: %s", path, strerror(err));
    return err != 0 ? -1 : 0;
}

/* Create a private temporary file holding TEXT; its name goes to PATH. */
static int write_temp(struct strbuf *path, const struct strbuf *text)
{
    const char *dir = getenv("TMPDIR");
    sb_printf(path, "%s/minish-fc.XXXXXX", dir != NULL && *dir != '\0' ? dir : "/tmp");
    int fd = mkstemp(path->buf);    /* mode 0600: the commands may hold secrets */
    if (fd < 0) {
        diag_error("fc", "%s: %s", path->buf, strerror(errno));
        return -1;
    }
    int rc = sys_write_all(fd, text->buf, text->len);
    if (rc < 0)
        diag_error("fc", "%s: %s", path->buf, strerror(errno));
    sys_close(fd, "commands written for the editor");
    return rc;
}

/* Run EDITOR on PATH through the shell, so FCEDIT may hold arguments
 * ("vim -u NONE"): the command is EDITOR followed by the quoted name. */
static int run_editor(struct shell *sh, const char *editor, const char *path)
{
    struct strbuf cmd = STRBUF_INIT;
    sb_printf(&cmd, "%s '%s'", editor, path);   /* mkstemp's name has no quote */
    int status = sh->ops.eval(sh, cmd.buf, "fc");
    sb_free(&cmd);
    return status;
}

/* fc [-r] [-e editor] [first [last]] */
static int fc_edit(struct shell *sh, const struct fc_args *a)
{
    int first, last;
    if (fc_range(a, &first, &last) < 0)
        return STATUS_FAIL;
    const char *editor = a->editor;
    if (editor == NULL)
        editor = vars_get(sh->vars, "FCEDIT");
    if (editor == NULL || *editor == '\0')
        editor = "ed";      /* POSIX's default */
    struct strbuf text = STRBUF_INIT, path = STRBUF_INIT;
    fc_each(first, last, a->reverse, write_entry, &text);
    int status = write_temp(&path, &text) < 0 ? STATUS_FAIL : 0;
    if (status == 0)
        status = run_editor(sh, editor, path.buf);
    sb_reset(&text);
    if (status == 0 && read_file(path.buf, &text) < 0)
        status = STATUS_FAIL;
    if (path.len > 0)
        unlink(path.buf);
    /* an editor that failed (or was interrupted) runs nothing, as in bash */
    if (status == 0 && strspn(text.buf, " \t\n") < text.len)
        status = fc_run(sh, &text);
    sb_free(&text);
    sb_free(&path);
    return status;
}

/* fc -l [-nr] [first [last]] | fc [-r] [-e editor] [first [last]] | fc -s [old=new] [first] */
int bi_fc(struct shell *sh, int argc, char **argv)
{
    struct fc_args a = {0};
    int i = fc_parse(argc, argv, &a);
    if (i < 0) {
        diag_error("fc", "usage: fc [-r] [-e editor] [first [last]] | fc -l [-nr] [first [last]] "
                   "| fc -s [old=new] [first]");
        return STATUS_SYNTAX;
    }
    if (a.redo && i < argc && strchr(argv[i], '=') != NULL)
        a.subst = argv[i++];
    if (i < argc)
        a.first = argv[i++];
    if (i < argc && !a.redo)
        a.last = argv[i++];
    if (i < argc) {
        diag_error("fc", "too many arguments");
        return STATUS_SYNTAX;
    }
    if (a.redo)
        return fc_redo(sh, &a);
    if (!a.list)
        return fc_edit(sh, &a);
    int first, last;
    if (fc_range(&a, &first, &last) < 0)
        return STATUS_FAIL;
    fc_each(first, last, a.reverse, print_entry, &a.numbers);
    return 0;
}
