/*
 * history.c -- the history list (GNU readline's), its file, and the
 * `history` builtin.
 *
 * Owns: HISTFILE (default ~/.minish_history, always mode 0600: it holds
 *       everything the user typed) and HISTSIZE (default 500 entries).
 * Never: reads from the terminal; input.c hands it finished commands.
 *
 * Several shells may share one file, so each saves only the entries it
 * added (append_history) and then cuts the file to HISTSIZE entries.
 *
 * The file format is bash's with timestamps: each entry is a line
 * "#<seconds since 1970>" followed by the entry's lines.  That is how a
 * multi-line command (a `for` typed over three lines) stays ONE entry
 * across sessions: readline's history_multiline_entries joins the lines
 * up to the next timestamp.  A file in the old one-line-per-entry format
 * (no leading timestamp) is still read line by line.  One corner: a
 * command line that itself starts with '#' and a digit reads back as a
 * timestamp (bash has the same limit).
 */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>

#include "diag.h"
#include "shell.h"
#include "sys.h"
#include "vars.h"

#define DEFAULT_HISTSIZE 500

static bool loaded;         /* history_init ran: this shell keeps a history file */
static int unsaved;         /* entries added since the last save */
static struct shell *hist_sh;   /* for HISTSIZE, which may change at any time */
static int running_entry;       /* number of the entry of the command now running (0: none) */

/* HISTSIZE as a number of entries (DEFAULT_HISTSIZE if unset or not a number). */
static int history_size(struct shell *sh)
{
    const char *s = vars_get(sh->vars, "HISTSIZE");
    char *end;
    if (s == NULL || *s == '\0')
        return DEFAULT_HISTSIZE;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (*end != '\0' || errno != 0 || n < 0 || n > INT_MAX)
        return DEFAULT_HISTSIZE;
    return (int)n;
}

/* The history file's name (heap), or NULL when there is none: HISTFILE set
 * but empty turns saving off, as in bash. */
static char *history_path(struct shell *sh)
{
    const char *file = vars_get(sh->vars, "HISTFILE");
    if (file != NULL)
        return *file != '\0' ? xstrdup(file) : NULL;
    const char *home = vars_get(sh->vars, "HOME");
    if (home == NULL || *home == '\0') {
        struct passwd *pw = getpwuid(getuid());
        if (pw == NULL)
            return NULL;
        home = pw->pw_dir;
    }
    struct strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/.minish_history", home);
    return sb_detach(&sb);
}

/* True if the file at PATH starts with a timestamp line (or is missing or
 * empty, so that this shell will write it in that format). */
static bool file_has_timestamps(const char *path)
{
    char head[2] = "";
    int fd = sys_open(path, O_RDONLY, 0, "peek at the history file's format");
    if (fd < 0)
        return true;
    ssize_t n = sys_read(fd, head, sizeof head);
    sys_close(fd, "format known");
    return n <= 0 || (head[0] == '#' && n == 2 && head[1] >= '0' && head[1] <= '9');
}

void history_init(struct shell *sh)
{
    char *path = history_path(sh);
    using_history();
    history_comment_char = '#';     /* timestamps are "#<seconds>" lines ... */
    history_write_timestamps = 1;   /* ... written before every entry ... */
    /* ... and the lines between two of them are one entry (old files: one per line) */
    history_multiline_entries = path == NULL || file_has_timestamps(path);
    if (path != NULL)
        read_history(path);     /* ENOENT is normal for a first run */
    history_multiline_entries = 1;
    stifle_history(history_size(sh));
    free(path);
    hist_sh = sh;
    loaded = true;
    unsaved = 0;
}

void history_add_entry(const char *entry)
{
    running_entry = 0;
    if (entry == NULL || strspn(entry, " \t\n") == strlen(entry))
        return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last == NULL || strcmp(last->line, entry) != 0) {
        /* (pressing Enter on a recalled command adds nothing new) */
        if (hist_sh != NULL)
            stifle_history(history_size(hist_sh));  /* HISTSIZE=5 takes effect at once */
        add_history(entry);
        unsaved++;
    }
    running_entry = history_base + history_length - 1;
}

int history_running_entry(void)
{
    return running_entry;
}

void history_drop_newest(void)
{
    if (history_length == 0)
        return;
    HIST_ENTRY *gone = remove_history(history_length - 1);
    if (gone != NULL)
        free_history_entry(gone);   /* returns our data pointer, which is NULL */
    if (unsaved > 0)
        unsaved--;
    running_entry = 0;
}

/*
 * Make sure PATH exists with mode 0600.  readline would create it with the
 * umask applied; creating it ourselves (O_EXCL) and fchmod-ing makes the
 * mode exact.  An existing file keeps the mode its owner gave it.
 */
static int history_create(const char *path)
{
    int fd = sys_open(path, O_WRONLY | O_CREAT | O_EXCL, 0600, "create the history file");
    if (fd < 0)
        return errno == EEXIST ? 0 : -1;
    int rc = fchmod(fd, 0600);
    if (sys_close(fd, "history file created") < 0)
        rc = -1;
    return rc;
}

/* Does the line at S start an entry?  In a file with timestamps only a
 * timestamp line does; otherwise every line is an entry. */
static bool starts_entry(const char *s, bool stamped)
{
    return !stamped || (s[0] == '#' && s[1] >= '0' && s[1] <= '9');
}

/* Write the bytes of TEXT from CUT on back into PATH (the newest entries). */
static int rewrite_tail(const char *path, const struct strbuf *text, size_t cut)
{
    int fd = sys_open(path, O_WRONLY | O_TRUNC, 0600, "cut the history file to HISTSIZE");
    if (fd < 0)
        return errno;
    int err = sys_write_all(fd, text->buf + cut, text->len - cut) < 0 ? errno : 0;
    if (sys_close(fd, "history file cut") < 0 && err == 0)
        err = errno;
    return err;
}

/*
 * Keep only the last KEEP entries of the file at PATH.  Not readline's
 * history_truncate_file: that one counts lines, and would cut a
 * multi-line entry in half.  Returns 0 or an errno value.
 */
static int history_trim_file(const char *path, int keep)
{
    struct strbuf text = STRBUF_INIT;
    char buf[4096];
    ssize_t n;
    int fd = sys_open(path, O_RDONLY, 0, "read the history file to cut it");
    if (fd < 0)
        return errno;
    while ((n = sys_read(fd, buf, sizeof buf)) > 0)
        sb_putn(&text, buf, (size_t)n);
    int err = n < 0 ? errno : 0;
    sys_close(fd, "history file read");
    bool stamped = text.len > 0 && starts_entry(text.buf, false) && starts_entry(text.buf, true);
    size_t entries = 0, cut = 0;
    for (size_t i = text.len; err == 0 && i-- > 0;) {
        if ((i == 0 || text.buf[i - 1] == '\n') && starts_entry(text.buf + i, stamped)
            && ++entries > (size_t)keep) {
            cut = i + strcspn(text.buf + i, "\n") + 1;     /* after this (older) entry's line */
            while (cut < text.len && !starts_entry(text.buf + cut, stamped))
                cut += strcspn(text.buf + cut, "\n") + 1;  /* skip its other lines */
            break;
        }
    }
    if (err == 0 && cut > 0)
        err = rewrite_tail(path, &text, cut > text.len ? text.len : cut);
    sb_free(&text);
    return err;
}

void history_save(struct shell *sh)
{
    if (!loaded)
        return;
    char *path = history_path(sh);
    if (path == NULL)
        return;
    int n = unsaved < history_length ? unsaved : history_length;
    int err = history_create(path) < 0 ? errno : 0;
    if (err == 0 && n > 0)
        err = append_history(n, path);      /* returns an errno value, 0 on success */
    if (err == 0)
        err = history_trim_file(path, history_size(sh));
    if (err != 0)
        diag_error("history", "%s: %s", path, strerror(err));
    else
        unsaved = 0;
    free(path);
}

void history_free(void)
{
    clear_history();
    loaded = false;
    unsaved = 0;
    hist_sh = NULL;
}

/* ==== The history builtin ==== */

static void print_history(int last)
{
    HIST_ENTRY **list = history_list();
    int first = 0;
    if (list == NULL)
        return;
    if (last >= 0 && last < history_length)
        first = history_length - last;
    for (int i = first; list[i] != NULL; i++)
        printf("%5d  %s\n", history_base + i, list[i]->line);
}

int history_builtin(struct shell *sh, int argc, char **argv)
{
    (void)sh;
    if (argc > 1 && strcmp(argv[1], "-c") == 0 && argc == 2) {
        clear_history();
        unsaved = 0;
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        argv++;
        argc--;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        diag_error("history", "usage: history [-c] [N]");
        return 2;
    }
    int last = -1;
    if (argc == 2) {
        char *end;
        errno = 0;
        long n = strtol(argv[1], &end, 10);
        if (argv[1][0] == '\0' || *end != '\0' || errno != 0 || n < 0 || n > INT_MAX) {
            diag_error("history", "%s: numeric argument required", argv[1]);
            return 2;
        }
        last = (int)n;
    }
    print_history(last);
    return 0;
}
