/*
 * redir.h -- descriptor plans: a redirection list, already expanded, becomes
 * a list of fd operations that are applied in a child before exec, or
 * applied and later undone around a builtin that runs in the shell.
 *
 * Owns: the order of open/dup2/close for redirections, here-document
 *       delivery (a pipe, or an unlinked 0600 temporary file when large),
 *       and saving/restoring the shell's own descriptors.
 * Never: expands words (the executor does that first).
 */
#ifndef MINISH_REDIR_H
#define MINISH_REDIR_H

#include <stdbool.h>
#include <stddef.h>

enum fd_op_kind {
    FD_OPEN,        /* open PATH with OFLAG onto FD */
    FD_DUP,         /* make FD a copy of SRC (>&2, <&3) */
    FD_CLOSE,       /* close FD (>&-) */
    FD_DATA,        /* FD reads DATA (a here-document body) */
    FD_FAILED       /* a here-document whose body did not expand (the error is
                     * printed): applying it fails, as a redirection error */
};

struct fd_op {
    enum fd_op_kind kind;
    int fd;                 /* the descriptor being set up */
    int src;                /* FD_DUP: the descriptor to copy */
    int oflag;              /* FD_OPEN: O_RDONLY, O_WRONLY|O_CREAT|O_TRUNC, ... */
    bool noclobber;         /* FD_OPEN for >: fail if PATH is an existing regular file */
    const char *path;       /* FD_OPEN: the expanded file name */
    const char *data;       /* FD_DATA: the expanded body */
    size_t len;             /* FD_DATA: its length */
};

/* How to undo an applied plan: each touched fd and the saved copy of it. */
struct redir_undo {
    int fd;                 /* the descriptor that was changed */
    int saved;              /* a close-on-exec copy of its old self, or -1 if it was closed */
};

struct redir_saved {
    struct redir_undo *undo;
    size_t len, cap;
};

/*
 * Apply OPS in order.  If SAVE is non-NULL, first save each descriptor an op
 * changes, so that redir_restore can put the shell's descriptors back.
 * Returns 0, or -1 after printing "minish: PATH: WHY" (ops already applied
 * stay applied; with SAVE, restore them).  WHO names the command, for the
 * trace ("stdout of 'ls'").
 */
int redir_apply(const struct fd_op *ops, size_t n, struct redir_saved *save, const char *who);
/* Undo what redir_apply did with SAVE, newest first, and empty SAVE. */
void redir_restore(struct redir_saved *save);

/* True when the last redirection of fd 0 made here was a small
 * here-document (a pipe) and is still in place: `read` need not ask. */
bool redir_stdin_is_heredoc_pipe(void);

#endif
