/*
 * exec_spawn.c -- the fast way to start a program: vfork or posix_spawn
 * instead of fork, when the child has nothing to do but join its process
 * group, reset signals, move descriptors and exec (set -o spawn=NAME).
 *
 * Owns: choosing the spawn strategy, opening a command's redirection files
 *       in the parent (so that the child only has to dup2()), the program
 *       stage of a pipeline and $(program) without a subshell (the shell
 *       expands their words for them when that makes no difference), and
 *       $(echo ...) without any child at all.
 * Never: reports an error.  Whenever something fails or does not fit, it
 *        returns -1 having changed nothing the user can see, and the caller
 *        takes the fork path, which then produces exactly the usual message
 *        and status (127 "not found", 126, 2 for a redirection) -- so every
 *        strategy behaves the same by construction.
 *
 * Why bother: fork copies the shell's page tables and marks its memory
 * copy-on-write, only for the child to throw it all away at execve.  vfork
 * borrows the parent's memory until the exec, which is what dash does for
 * simple commands; posix_spawn is the portable spelling of the same idea.
 */
#include "exec_internal.h"

#include <signal.h>
#ifndef NSIG
#define NSIG _NSIG      /* glibc shows NSIG only outside strict POSIX; shell.h needs it */
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "expand.h"
#include "funcs.h"
#include "path.h"
#include "redir.h"
#include "shell.h"
#include "signals.h"
#include "sys.h"
#include "vars.h"

enum {
    FAST_MAX_OPS = 16,      /* more redirections than this: just fork */
    FAST_FD_MIN = 10,       /* pre-opened files live here or above */
    FAST_DATA_MAX = 4096    /* a here-document this small fits in a pipe (PIPE_BUF) */
};

/* What the parent prepared: the child's descriptor moves, and the
 * descriptors the parent opened for them (closed again after the spawn). */
struct prep {
    int moves[FAST_MAX_OPS + 2][2];     /* two pipe ends, then the redirections */
    size_t nmoves;
    int opened[FAST_MAX_OPS];
    size_t nopened;
    int fd_min;             /* above every target: a pre-opened fd is never overwritten */
};

static void prep_close(struct prep *p)
{
    for (size_t i = 0; i < p->nopened; i++)
        sys_close(p->opened[i], "the child has its copy");
    p->nopened = 0;
}

/* Keep FD (a fresh close-on-exec descriptor) above every target; the child
 * dup2()s it onto TARGET.  -1 if that failed (FD is closed either way). */
static int prep_keep(struct prep *p, int fd, int target)
{
    int high = fd >= p->fd_min ? fd : sys_dup_above(fd, p->fd_min, "out of the targets' way");
    if (high != fd)
        sys_close(fd, "the copy above is kept");
    if (high < 0)
        return -1;
    p->opened[p->nopened++] = high;
    p->moves[p->nmoves][0] = high;
    p->moves[p->nmoves][1] = target;
    p->nmoves++;
    return 0;
}

/* `< f`, `> f`, `>> f`: open in the parent.  Only regular files, devices and
 * new files: opening a FIFO can block, and that must happen in the child. */
static int prep_open(struct prep *p, const struct fd_op *op)
{
    struct stat st;
    if (op->noclobber)
        return -1;
    if (stat(op->path, &st) == 0 ? !S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)
                                 : errno != ENOENT)
        return -1;
    int fd = sys_open(op->path, op->oflag, 0666, exec_why("open %s for the child", op->path));
    return fd < 0 ? -1 : prep_keep(p, fd, op->fd);
}

/* A small here-document: written into a pipe now, its read end for the child. */
static int prep_data(struct prep *p, const struct fd_op *op)
{
    int fds[2];
    if (op->len > FAST_DATA_MAX || sys_pipe(fds, "here-document for the child") < 0)
        return -1;
    int rc = sys_write_all(fds[1], op->data, op->len);
    sys_close(fds[1], "here-document written");
    if (rc < 0) {
        sys_close(fds[0], "here-document failed");
        return -1;
    }
    return prep_keep(p, fds[0], op->fd);
}

static int prep_one(struct prep *p, const struct fd_op *op)
{
    switch (op->kind) {
    case FD_OPEN:
        return prep_open(p, op);
    case FD_DATA:
        return prep_data(p, op);
    case FD_FAILED:
        return -1;      /* the fork path fails it in the child, as a redirection */
    case FD_DUP:
    case FD_CLOSE:
        p->moves[p->nmoves][0] = op->kind == FD_DUP ? op->src : -1;
        p->moves[p->nmoves][1] = op->fd;
        p->nmoves++;
        return 0;
    }
    return -1;
}

/* SP's redirections as moves, after PRE[0..NPRE-1] (pipe ends onto 0 or 1). */
static int prep_ops(struct prep *p, const struct spawn *sp, const int (*pre)[2], size_t npre)
{
    memset(p, 0, sizeof *p);
    p->fd_min = FAST_FD_MIN;
    for (size_t i = 0; i < sp->nops; i++)
        if (sp->ops[i].fd >= p->fd_min)
            p->fd_min = sp->ops[i].fd + 1;
    for (; p->nmoves < npre; p->nmoves++) {
        p->moves[p->nmoves][0] = pre[p->nmoves][0];
        p->moves[p->nmoves][1] = pre[p->nmoves][1];
    }
    for (size_t i = 0; i < sp->nops; i++) {
        if (prep_one(p, &sp->ops[i]) < 0) {
            prep_close(p);
            return -1;
        }
    }
    return 0;
}

/* ==== Signals of the child ==== */

/* vfork: in the child, the dispositions and mask a program starts with
 * (sigaction and sigprocmask only: the child shares the shell's memory). */
static void child_signals(void *ctx)
{
    signals_exec(ctx);
}

/* ==== The strategy ==== */

/* Does this process run under Valgrind?  There vfork is a fork in
 * disguise: the child runs on a copy of the shell's memory, so it could
 * neither report its calls to the trace nor hand a failed exec back.
 * Valgrind puts its preloads into the environment it starts us with.
 * (MINISH_VALGRIND_VFORK=1 asks for vfork anyway: cmake/hot.sh lists the
 * functions a native run executes, under callgrind.) */
static bool under_valgrind(void)
{
    static int known = -1;
    if (known < 0) {
        const char *preload = getenv("LD_PRELOAD");
        known = preload != NULL && strstr(preload, "vgpreload") != NULL
                && getenv("MINISH_VALGRIND_VFORK") == NULL;
    }
    return known;
}

/* May SP start without fork?  Not in fork mode, not when the child will
 * report an error (the PATH search failed), and not for `cmd &` (its stdin
 * and signals are set up in a forked child).  In auto mode, not in step
 * mode either: step mode pauses inside the child.  Never under Valgrind.
 * The trace never decides: it narrates whichever path runs. */
static bool fast_allowed(const struct shell *sh, const struct spawn *sp,
                         const struct child_plan *cp)
{
    if (sh->opt.spawn == SPAWN_FORK || sp->path == NULL || cp->background || under_valgrind())
        return false;
    if (sh->opt.spawn == SPAWN_AUTO && sh->opt.step)
        return false;
    return sp->nops <= FAST_MAX_OPS;
}

pid_t exec_spawn_fast(struct shell *sh, const struct spawn *sp, const struct child_plan *cp,
                      const int (*pre)[2], size_t npre, const char *why)
{
    struct prep p;
    sigset_t dfl;
    if (!fast_allowed(sh, sp, cp) || prep_ops(&p, sp, pre, npre) < 0)
        return -1;
    int tty = cp->pgid >= 0 && cp->foreground ? sh->jobs.tty_fd : -1;
    bool dfl_ok = signals_spawn_default(sh, &dfl);
    struct sys_spawn_req rq = { sp->path, sp->argv, sp->envp, cp->pgid, tty,
                                (const int (*)[2])p.moves, p.nmoves, child_signals, sh, &dfl };
    fflush(stdout);     /* what the shell printed comes before what the program prints */
    if (why == NULL)
        why = exec_why("start '%s'", sp->name);
    pid_t pid;
    /* posix_spawn cannot hand the child the terminal, nor keep ignored a
     * signal the shell catches: vfork does those */
    if (sh->opt.spawn == SPAWN_POSIX_SPAWN && tty < 0 && dfl_ok)
        pid = sys_posix_spawn(&rq, why);
    else
        pid = sys_vfork_exec(&rq, why);
    prep_close(&p);
    return pid;
}

/* ==== $(program args) and `... | program args | ...` ==== */

/* Can expanding parts P in the shell itself, instead of in the subshell,
 * make no difference?  Literal and quoted text and plain $x / ${#x} only:
 * no $(...), no $((...)) (it may assign), no ${x=...} or ${x?...}, no $-. */
static bool parts_pure(const struct wpart *p)
{
    for (; p != NULL; p = p->next) {
        if (p->kind == WP_DQUOTED && !parts_pure(p->u.inner))
            return false;
        if (p->kind == WP_CMDSUB || p->kind == WP_ARITH)
            return false;
        if (p->kind == WP_PARAM && p->u.param.op != PO_NONE && p->u.param.op != PO_LENGTH)
            return false;
        if (p->kind == WP_PARAM && strcmp(p->u.param.name, "-") == 0)
            return false;   /* a subshell is never interactive: its $- differs */
    }
    return true;
}

/* A descriptor number or "-", as <&N and >&- take them. */
static bool fd_literal(const char *text)
{
    return strcmp(text, "-") == 0
           || (text[0] != '\0' && strspn(text, "0123456789") == strlen(text) && strlen(text) < 10);
}

/* Can the redirections R be planned in the shell itself without an error
 * message (which must come from the child)?  Files and here-documents with
 * pure words, and <&N >&N <&- >&- with a literal number or "-". */
static bool redirs_pure(const struct redir *r)
{
    for (; r != NULL; r = r->next) {
        const struct wpart *p = r->target->parts;
        if (r->op == R_DUP_IN || r->op == R_DUP_OUT) {
            if (p == NULL || p->kind != WP_LITERAL || p->next != NULL || !fd_literal(p->u.text))
                return false;
        } else if (!parts_pure(p)) {
            return false;
        }
    }
    return true;
}

/* Is N a command whose subshell would only run one command: a simple
 * command with no assignments, pure words and redirections planned
 * without a message (redirs_pure)?  (set -u and set -x would make the
 * subshell print or exit on its own.)  Never in fork mode, nor in auto
 * mode in step mode (see fast_allowed). */
static bool simple_and_pure(const struct shell *sh, const struct node *n)
{
    if (sh->opt.spawn == SPAWN_FORK
        || (sh->opt.spawn == SPAWN_AUTO && sh->opt.step))
        return false;
    if (n->kind != N_SIMPLE || n->u.simple.assigns != NULL || !redirs_pure(n->redirs)
        || n->u.simple.words == NULL || sh->opt.nounset || sh->opt.xtrace)
        return false;
    for (const struct word *w = n->u.simple.words; w != NULL; w = w->next)
        if (!parts_pure(w->parts))
            return false;
    return true;
}

/* Start the program of N (simple_and_pure said so) expanded here, as the
 * subshell would have expanded it, with the moves PRE first.  The pid, or
 * -1: fork a subshell as usual. */
static pid_t spawn_pure(struct shell *sh, struct node *n, const struct child_plan *cp,
                        const int (*pre)[2], size_t npre, const char *why)
{
    struct arena *a = arena_new();
    struct spawn sp = { NULL, NULL, 0, NULL, vars_environ(sh->vars), NULL, 0 };
    pid_t pid = -1;
    char *found = NULL;
    size_t argc;
    struct fd_op *ops;
    if (expand_words(sh, a, n->u.simple.words, &sp.argv, &argc) < 0 || argc == 0
        || exec_redir_plan(sh, a, n->redirs, &ops, &sp.nops) < 0)
        goto done;
    sp.ops = ops;
    sp.name = sp.argv[0];
    /* a function or builtin runs shell code in the subshell: fork for it */
    if (builtin_find(sp.name) != NULL || funcs_get(sh->funcs, sp.name) != NULL)
        goto done;
    if (strchr(sp.name, '/') != NULL) {
        sp.path = sp.name;
    } else {
        const char *pathvar = vars_get(sh->vars, "PATH");
        found = path_search(sp.name, pathvar != NULL ? pathvar : "");  /* as cmd_find */
        sp.path = found;        /* NULL: the forked child says "not found" */
    }
    pid = exec_spawn_fast(sh, &sp, cp, pre, npre, why);
done:
    free(found);
    arena_unref(a);
    return pid;
}

pid_t exec_cmdsub_fast(struct shell *sh, struct node *n, int out_fd)
{
    if (!simple_and_pure(sh, n))
        return -1;
    struct child_plan cp = { -1, false, false };    /* stays in the shell's group */
    const int pre[1][2] = { { out_fd, 1 } };
    return spawn_pure(sh, n, &cp, pre, 1, exec_why("run $(%s)", exec_label(n)));
}

/* A stage's pipe ends on 0, 1 or 2 (the shell was started with one of them
 * closed) could be overwritten by the other move, or stay close-on-exec:
 * the forked stage sorts those out. */
static bool end_clear(int fd)
{
    return fd < 0 || fd > STDERR_FILENO;
}

pid_t exec_stage_fast(struct shell *sh, struct node *n, const struct child_plan *cp,
                      int in, int out)
{
    /* step mode: the stages take turns in forked children (trace.c);
     * `a | b &` without job control: its first stage reads /dev/null and
     * every stage ignores SIGINT, which a forked child sets up */
    if (sh->opt.step || cp->background || !end_clear(in) || !end_clear(out)
        || !simple_and_pure(sh, n))
        return -1;
    int pre[2][2];
    size_t npre = 0;
    if (in >= 0) {
        pre[npre][0] = in;
        pre[npre++][1] = STDIN_FILENO;
    }
    if (out >= 0) {
        pre[npre][0] = out;
        pre[npre++][1] = STDOUT_FILENO;
    }
    return spawn_pure(sh, n, cp, (const int (*)[2])pre, npre,
                      exec_why("run stage '%s'", exec_label(n)));
}

/* ==== $(echo ...) without a subshell ==== */

enum { INLINE_MAX = 4000 };     /* below PIPE_BUF: the output fits in the pipe */

/* Builtins that only print, with output no longer than their arguments
 * (echo's escapes only shorten) or than a path: safe to run in the shell
 * with stdout on the pipe, since nobody reads it until they are done. */
static bool inline_builtin(const char *name)
{
    static const char *const ok[] = { "echo", "pwd", "true", "false", ":" };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(name, ok[i]) == 0)
            return true;
    return false;
}

/* The argument vector of $(N) if N is such a builtin call, else NULL. */
static char **inline_argv(struct shell *sh, struct arena *a, struct node *n, size_t *argc)
{
    char **argv;
    size_t total = 0;
    if (n->redirs != NULL || !simple_and_pure(sh, n) || expand_words(sh, a, n->u.simple.words, &argv, argc) < 0)
        return NULL;
    if (*argc == 0 || !inline_builtin(argv[0]) || funcs_get(sh->funcs, argv[0]) != NULL)
        return NULL;
    for (size_t i = 0; i < *argc; i++)
        total += strlen(argv[i]) + 1;
    return total <= INLINE_MAX ? argv : NULL;
}

int exec_cmdsub_inline(struct shell *sh, struct node *n, int out_fd, int *status)
{
    struct arena *a = arena_new();
    size_t argc;
    char **argv = inline_argv(sh, a, n, &argc);
    struct redir_saved save = { NULL, 0, 0 };
    struct fd_op op = { FD_DUP, 1, out_fd, 0, false, NULL, NULL, 0 };
    int rc = -1;
    fflush(stdout);     /* the shell's own pending output is not the builtin's */
    if (argv != NULL)
        sys_trace_note("$(%s) runs in the shell: no child; the builtin writes into the "
                       "pipe, and the shell reads its output from there", argv[0]);
    if (argv != NULL && redir_apply(&op, 1, &save, "$(...)") == 0) {
        *status = exec_run_builtin(sh, builtin_find(argv[0]), (int)argc, argv);
        redir_restore(&save);
        rc = 0;
    }
    arena_unref(a);
    return rc;
}
