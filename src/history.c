/*
 * history.c -- the history list (GNU readline's), its file, and the
 * `history` builtin.
 *
 * Owns: HISTFILE (default ~/.minish_history, always mode 0600: it holds
 *       everything the user typed) and HISTSIZE (default 500 entries).
 * Never: reads from the terminal; input.c hands it finished commands.
 *
 * Several shells may share one file, so each saves only the entries it
 * added (append_history) and then cuts the file to HISTSIZE lines.
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

void history_init(struct shell *sh)
{
    char *path = history_path(sh);
    using_history();
    if (path != NULL)
        read_history(path);     /* ENOENT is normal for a first run */
    stifle_history(history_size(sh));
    free(path);
    loaded = true;
    unsaved = 0;
}

void history_add_entry(const char *entry)
{
    if (entry == NULL || strspn(entry, " \t\n") == strlen(entry))
        return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last != NULL && strcmp(last->line, entry) == 0)
        return;     /* pressing Enter on a recalled command adds nothing new */
    add_history(entry);
    unsaved++;
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
        err = history_truncate_file(path, history_size(sh));
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
