/*
 * redir.c -- applying a redirection plan to the process's descriptors, and
 * undoing it for builtins that run inside the shell.
 *
 * Owns: the order of open/dup2/close for each fd_op, here-document
 *       delivery, and the saved copies of the shell's own descriptors.
 * Never: expands words; the executor hands over finished fd_ops.
 *
 * Saved copies live at fd 10 or above and are close-on-exec, so a command
 * never inherits them.  If an op targets one of them (`echo hi 10>x` when
 * stdout was saved on 10) the copy is moved out of the way first.
 */
#include "redir.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "sys.h"

#define SAVE_MIN 10         /* saved copies go here or above, out of users' way */
#define PIPE_SAFE 4096      /* a here-doc this small fits in a pipe: writing cannot block */

/* "stdout of 'ls'" (WHY text for the trace) into BUF; empty when nothing
 * is traced (formatting it for every redirection showed in profiles). */
static const char *fd_words(char *buf, size_t size, int fd, const char *who)
{
    static const char *std[] = {"stdin", "stdout", "stderr"};
    if (!sys_tracing()) {
        buf[0] = '\0';
        return buf;
    }
    char num[16];
    snprintf(num, sizeof num, "fd %d", fd);
    snprintf(buf, size, "%s of '%s'", fd >= 0 && fd <= 2 ? std[fd] : num,
             who ? who : "shell");
    return buf;
}

/* ==== Saving and undoing ==== */

static struct redir_undo *find_saved_copy(struct redir_saved *save, int fd)
{
    for (size_t i = 0; save != NULL && i < save->len; i++)
        if (save->undo[i].saved == fd)
            return &save->undo[i];
    return NULL;
}

static bool already_saved(const struct redir_saved *save, int fd)
{
    for (size_t i = 0; i < save->len; i++)
        if (save->undo[i].fd == fd)
            return true;
    return false;
}

/* FD is about to be changed: if it is one of our saved copies, move the
 * copy elsewhere, or the op would overwrite what restore needs. */
static int evict_saved_copy(struct redir_saved *save, int fd)
{
    struct redir_undo *u = find_saved_copy(save, fd);
    if (u == NULL)
        return 0;
    int moved = sys_dup_above(fd, SAVE_MIN, "move a saved copy out of the way");
    if (moved < 0) {
        diag_error(NULL, "%d: %s", fd, strerror(errno));
        return -1;
    }
    sys_close(fd, "the old place of the saved copy");
    u->saved = moved;
    return 0;
}

/* Remember FD's current self (a close-on-exec copy, or -1 if closed). */
static int save_fd(struct redir_saved *save, int fd, const char *who)
{
    if (already_saved(save, fd))
        return 0;
    char why[128] = "", what[96];
    if (sys_tracing())
        snprintf(why, sizeof why, "save %s", fd_words(what, sizeof what, fd, who));
    int copy = sys_dup_above(fd, SAVE_MIN, why);
    if (copy < 0 && errno != EBADF) {
        diag_error(NULL, "%d: %s", fd, strerror(errno));
        return -1;
    }
    if (save->len == save->cap) {
        save->cap = save->cap ? save->cap * 2 : 4;
        save->undo = xrealloc(save->undo, save->cap * sizeof *save->undo);
    }
    save->undo[save->len].fd = fd;
    save->undo[save->len].saved = copy;     /* -1: it was not open */
    save->len++;
    return 0;
}

/* fd 0 is known to be a here-document pipe (set only by data_pipe, cleared
 * by every other change to fd 0 made here).  A hint for `read`, which may
 * then skip asking the kernel what fd 0 is: if it is ever stale (fd 0
 * changed elsewhere), `read` only goes a byte at a time, which is always
 * correct. */
static bool stdin_heredoc_pipe;

bool redir_stdin_is_heredoc_pipe(void)
{
    return stdin_heredoc_pipe;
}

void redir_restore(struct redir_saved *save)
{
    /* newest first: `>a 2>&1` must be unwound in the reverse order */
    while (save->len > 0) {
        struct redir_undo *u = &save->undo[--save->len];
        if (u->fd == STDIN_FILENO)
            stdin_heredoc_pipe = false;
        if (u->saved >= 0) {
            sys_dup2(u->saved, u->fd, "restore the shell's descriptor");
            sys_close(u->saved, "drop the saved copy");
        } else {
            sys_close(u->fd, "it was closed before the redirection");
        }
    }
    free(save->undo);
    save->undo = NULL;
    save->cap = 0;
}

/* ==== The four operations ==== */

/* Put descriptor FROM at number TO and drop FROM.  If it already is TO
 * (open() or pipe() took the lowest free number), clear close-on-exec,
 * which sys_open/sys_pipe set, or the command would lose it at exec. */
static int move_fd(int from, int to, const char *why)
{
    if (from == to)
        return sys_cloexec(to, false, why);
    if (sys_dup2(from, to, why) < 0) {
        int err = errno;
        sys_close(from, why);
        errno = err;
        return -1;
    }
    sys_close(from, "the temporary descriptor is no longer needed");
    return 0;
}

/* set -C: refuse to truncate an existing regular file.  /dev/null and
 * other non-regular files stay allowed; O_EXCL closes the race between
 * our stat and the open. */
static int noclobber_flags(const char *path, int oflag, int *out)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISREG(st.st_mode)) {
            diag_error(path, "%s", strerror(EEXIST));
            return -1;
        }
        *out = oflag;
        return 0;
    }
    *out = oflag | O_CREAT | O_EXCL;
    return 0;
}

static int apply_open(const struct fd_op *op, const char *why)
{
    int flags = op->oflag;
    if (op->noclobber && noclobber_flags(op->path, op->oflag, &flags) < 0)
        return -1;
    int fd = sys_open(op->path, flags, 0666, why);
    if (fd < 0 || move_fd(fd, op->fd, why) < 0) {
        diag_error(op->path, "%s", strerror(errno));
        return -1;
    }
    return 0;
}

static int apply_dup(const struct fd_op *op, struct redir_saved *save, const char *why)
{
    if (op->src == op->fd)
        return 0;       /* `3>&3` duplicates nothing: a no-op even when 3 is closed (as dash) */
    /* our saved copies are not the user's descriptors: `>&11` when 11 only
     * holds our copy must fail as if 11 were closed */
    if (find_saved_copy(save, op->src) != NULL || sys_dup2(op->src, op->fd, why) < 0) {
        diag_error(NULL, "%d: %s", op->src, strerror(EBADF));
        return -1;
    }
    return 0;
}

/* A large here-document: an unlinked 0600 temporary file, rewound. */
static int data_tmpfile(const struct fd_op *op, const char *why)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/minish-heredoc-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);     /* mode 0600: nobody else may read the body */
    if (fd < 0)
        return -1;
    unlink(path);               /* gone from the directory; lives while open */
    if (sys_write_all(fd, op->data, op->len) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
        int err = errno;
        sys_close(fd, why);
        errno = err;
        return -1;
    }
    return move_fd(fd, op->fd, why);
}

/* A small here-document: written whole into a pipe (it fits, so the write
 * cannot block with nobody reading yet). */
static int data_pipe(const struct fd_op *op, const char *why)
{
    int p[2];
    if (sys_pipe(p, why) < 0)
        return -1;
    int err = sys_write_all(p[1], op->data, op->len) < 0 ? errno : 0;
    /* close the write end, or the reader never sees end-of-file */
    sys_close(p[1], "here-document written");
    if (err != 0) {
        sys_close(p[0], why);
        errno = err;
        return -1;
    }
    return move_fd(p[0], op->fd, why);
}

static int apply_data(const struct fd_op *op, const char *why)
{
    bool small = op->len <= PIPE_SAFE;
    int r = small ? data_pipe(op, why) : data_tmpfile(op, why);
    if (r == 0 && small && op->fd == STDIN_FILENO)
        stdin_heredoc_pipe = true;
    if (r < 0)
        diag_error("here-document", "%s", strerror(errno));
    return r;
}

/* The WHY text of one operation, formatted only when it will be shown. */
__attribute__((format(printf, 3, 4)))
static void why_of(char *why, size_t size, const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
}

static int apply_one(const struct fd_op *op, struct redir_saved *save, const char *who)
{
    char why[160] = "", what[96];
    if (op->fd == STDIN_FILENO)
        stdin_heredoc_pipe = false;     /* apply_data sets it again */
    fd_words(what, sizeof what, op->fd, who);
    switch (op->kind) {
    case FD_OPEN:
        why_of(why, sizeof why, "%s -> %s", what, op->path);
        return apply_open(op, why);
    case FD_DUP:
        why_of(why, sizeof why, "%s -> fd %d", what, op->src);
        return apply_dup(op, save, why);
    case FD_CLOSE:
        why_of(why, sizeof why, "close %s", what);
        if (sys_close(op->fd, why) < 0 && errno != EBADF) {
            diag_error(NULL, "%d: %s", op->fd, strerror(errno));
            return -1;
        }
        return 0;
    case FD_DATA:
        why_of(why, sizeof why, "%s <- here-document", what);
        return apply_data(op, why);
    case FD_FAILED:
        return -1;
    }
    return -1;
}

int redir_apply(const struct fd_op *ops, size_t n, struct redir_saved *save, const char *who)
{
    for (size_t i = 0; i < n; i++) {
        if (save != NULL && (evict_saved_copy(save, ops[i].fd) < 0 ||
                             save_fd(save, ops[i].fd, who) < 0))
            goto fail;
        if (apply_one(&ops[i], save, who) < 0)
            goto fail;
    }
    return 0;
fail:
    if (save != NULL)
        redir_restore(save);    /* a builtin whose redirection failed does not run */
    return -1;
}
