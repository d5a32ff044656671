/*
 * exec_job.c -- everything that forks to run shell code: pipelines,
 * ( subshells ), background jobs (`&`) and command substitution $(...).
 *
 * The process tree is dash's: every stage of a pipeline, in the foreground
 * or the background, is a child of the shell itself, started by the
 * shell's own loop over the stages (pipeline_run); `cmd &` and $(cmd) are
 * one child each; and a child whose last command is a program execs it in
 * place (exec_child_run runs its tree with LAST), so no shell process
 * waits in between.
 *
 * Owns: the fork choreography (process groups set in both processes, the
 *       terminal, signals of the child, which descriptors each side
 *       closes), what a child forgets of its parent, and recording every
 *       child in the job table before waiting for it.
 * Never: starts a program itself (exec_spawn in exec_cmd.c does) or prints
 *        job notices (jobs.c does).
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
#include <unistd.h>

#include "builtins.h"
#include "diag.h"
#include "exec.h"
#include "funcs.h"
#include "jobs.h"
#include "path.h"
#include "redir.h"
#include "shell.h"
#include "signals.h"
#include "sys.h"
#include "trace.h"

static unsigned long cmdsub_runs;   /* command substitutions started so far */

unsigned long exec_cmdsub_count(void)
{
    return cmdsub_runs;
}

/* ==== Forking ==== */

/*
 * Put a new process into its job's process group.  Both the child and the
 * parent call setpgid: whichever runs first wins the race, and the parent
 * must know the group exists before it hands it the terminal (tcsetpgrp),
 * while the child must be in it before it execs.  A foreground child takes
 * the terminal itself too, or its first read could stop it with SIGTTIN
 * before the parent gets there.
 */
static void join_group(struct shell *sh, const struct child_plan *cp, pid_t pid)
{
    if (pid == 0) {
        pid_t pgid = cp->pgid != 0 ? cp->pgid : getpid();
        if (sys_setpgid(0, pgid, "join the job's process group") < 0)
            sys_trace_note("setpgid: %s (the parent sets it too)", strerror(errno));
        /* (in step mode a child waiting for its turn leaves the terminal
         * to the parent, which hands it over before the turn comes) */
        if (cp->foreground && sh->jobs.tty_fd >= 0 && !trace_turn_waiting()
            && sys_tcsetpgrp(sh->jobs.tty_fd, pgid, "the job takes the terminal") < 0)
            sys_trace_note("tcsetpgrp: %s (the parent does it too)", strerror(errno));
        return;
    }
    pid_t pgid = cp->pgid != 0 ? cp->pgid : pid;
    /* EACCES: the child has exec'd already, after doing it itself */
    if (sys_setpgid(pid, pgid, "put the child in the job's process group") < 0 && errno != EACCES)
        sys_trace_note("setpgid: %s", strerror(errno));
}

pid_t exec_fork(struct shell *sh, const struct child_plan *cp, const char *why)
{
    fflush(stdout);     /* or the child would print our buffered output again */
    trace_turn_prepare(cp->foreground);     /* step mode: a foreground child waits its turn */
    pid_t pid = sys_fork(why);
    trace_turn_forked(pid);
    if (pid < 0) {
        diag_error("fork", "%s", strerror(errno));
        return -1;
    }
    if (cp->pgid >= 0)
        join_group(sh, cp, pid);
    return pid;
}

/*
 * A subshell starts as a copy of its parent but (POSIX 2.12) traps that
 * are not ignored are reset, and the parent's jobs are not its jobs.
 */
void exec_child_forget(struct shell *sh, const struct child_plan *cp)
{
    sh->is_subshell = true;
    sh->opt.interactive = false;    /* errors end a subshell like a script */
    sh->opt.monitor = false;
    for (int sig = 1; sig < NSIG; sig++) {
        if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0') {
            free(sh->traps[sig]);
            sh->traps[sig] = NULL;
        }
    }
    free(sh->exit_trap);
    sh->exit_trap = NULL;
    if (cp->background && cp->pgid < 0) {
        /* `cmd &` in a script: Ctrl-C is for the foreground.  Recorded as
         * ignored traps so that this child's own children inherit it. */
        if (sh->traps[SIGINT] == NULL)
            sh->traps[SIGINT] = xstrdup("");
        if (sh->traps[SIGQUIT] == NULL)
            sh->traps[SIGQUIT] = xstrdup("");
    }
    signals_child(sh, cp->background);  /* before jobs_init: it reads job_control */
    jobs_free(&sh->jobs);
    jobs_init(&sh->jobs);
}

_Noreturn void exec_child_exit(struct shell *sh, int status)
{
    /* shell_exit runs the subshell's own EXIT trap, then _exit()s because
     * is_subshell is set: the parent's atexit work must not run here */
    shell_exit(sh, status);
}

/* Move FROM onto TO for a child's stdin/stdout; exits the child on failure. */
static void child_move_fd(int from, int to, const char *why)
{
    int rc = from == to ? sys_cloexec(to, false, why) : sys_dup2(from, to, why);
    if (rc < 0 || (from != to && sys_close(from, "the original is not needed") < 0)) {
        diag_error("dup2", "%s", strerror(errno));
        _exit(STATUS_SYNTAX);
    }
}

/* ( list ) in this process: its redirections, then its body (LAST: the
 * last thing this process does). */
static int subshell_body(struct shell *sh, struct node *n, bool last)
{
    struct arena *a = arena_new();
    struct fd_op *ops;
    size_t nops;
    int status;
    if (exec_redir_plan(sh, a, n->redirs, &ops, &nops) < 0)
        status = sh->last_status;
    else if (redir_apply(ops, nops, NULL, "( ... )") < 0)
        status = EXEC_REDIR_FAILED;
    else if (last)
        status = exec_tree_last(sh, n->u.group.body);
    else
        status = exec_tree(sh, n->u.group.body);
    arena_unref(a);
    return status;
}

_Noreturn void exec_child_run(struct shell *sh, struct node *n)
{
    /* the child's last command: a program there replaces this child */
    exec_child_exit(sh, exec_tree_last(sh, n));
}

/* ==== Waiting ==== */

int exec_wait_job(struct shell *sh, struct job *j)
{
    bool deferred = signals_int_defer();    /* a script outlives its child's ^C */
    signals_watch_hangup(sh, true);         /* an interactive shell's SIGHUP ends the wait */
    int status = job_wait(&sh->jobs, j, sh->opt.pipefail);
    signals_watch_hangup(sh, false);
    signals_hangup_check(sh);               /* and the shell, at once (bash) */
    signals_int_resume(deferred);           /* and then dies of it (dash) */
    /* With job control only the job saw Ctrl-C; an interactive shell acts
     * as if it had seen it too and drops the rest of the line (dash). */
    if (status == STATUS_SIGBASE + SIGINT && sh->opt.interactive)
        signals_got_int = 1;
    return status;
}

int exec_wait_child(struct shell *sh, pid_t pid, pid_t pgid, const char *text,
                    const sigset_t *mask)
{
    struct job *j = job_new(&sh->jobs, text, false);
    job_add_process(j, pid, text);
    j->pgid = pgid;
    signals_restore_mask(mask);     /* recorded: its SIGCHLD may come now */
    return exec_wait_job(sh, j);
}

/* ==== ( subshell ) ==== */

int exec_subshell(struct shell *sh, struct node *n, bool last)
{
    if (last && exec_nothing_left(sh)) {
        /* this process would only wait for the subshell and exit: be it */
        sys_trace_note("nothing is left to do in this %s: run ( ... ) in place, no fork",
                       sh->is_subshell ? "subshell" : "shell");
        return subshell_body(sh, n, true);
    }
    bool jc = sh->jobs.job_control;
    struct child_plan cp = { jc ? 0 : -1, true, false };
    sigset_t mask;
    signals_block_chld(&mask);      /* until the child is in the job table */
    pid_t pid = exec_fork(sh, &cp, exec_why("run '%s' in a subshell", exec_label(n)));
    if (pid < 0) {
        signals_restore_mask(&mask);
        return STATUS_SYNTAX;
    }
    if (pid == 0) {
        exec_child_forget(sh, &cp);     /* unblocks SIGCHLD (signals_child) */
        exec_child_exit(sh, subshell_body(sh, n, true));
    }
    struct strbuf text = STRBUF_INIT;
    ast_text(&text, n);
    int status = exec_wait_child(sh, pid, jc ? pid : 0, sb_str(&text), &mask);
    sb_free(&text);
    return status;
}

/* ==== cmd & ==== */

/* POSIX: without job control, `cmd &` reads /dev/null unless redirected.
 * N: the background command, for the trace ("stdin of 'sleep 1' -> ..."). */
static void stdin_from_null(const struct node *n)
{
    struct fd_op op;
    memset(&op, 0, sizeof op);
    op.kind = FD_OPEN;
    op.fd = 0;
    op.oflag = O_RDONLY;
    op.path = "/dev/null";
    if (redir_apply(&op, 1, NULL, exec_label(n)) < 0)
        _exit(EXEC_REDIR_FAILED);
}

/* The child of `body &`: never returns. */
_Noreturn static void background_child(struct shell *sh, struct node *n,
                                       const struct child_plan *cp)
{
    exec_child_forget(sh, cp);
    if (cp->pgid < 0)
        stdin_from_null(n->u.group.body);
    if (n->redirs != NULL) {
        struct arena *a = arena_new();
        struct fd_op *ops;
        size_t nops;
        if (exec_redir_plan(sh, a, n->redirs, &ops, &nops) < 0)
            exec_child_exit(sh, sh->last_status);
        if (redir_apply(ops, nops, NULL, exec_label(n)) < 0)
            exec_child_exit(sh, EXEC_REDIR_FAILED);
    }
    if (n->u.group.body == NULL)
        exec_child_exit(sh, 0);
    exec_child_run(sh, n->u.group.body);
}

/* Job J has started in the background: $! is its last process, and an
 * interactive shell says "[1] 4242". */
static int job_started(struct shell *sh, struct job *j)
{
    sh->last_bg_pid = j->procs[j->nprocs - 1].pid;
    if (sh->opt.interactive)
        fprintf(stderr, "[%d] %ld\n", j->id, (long)sh->last_bg_pid);
    return 0;
}

static int pipeline_run(struct shell *sh, struct node *n, bool background);

/* A pipeline of two or more stages, nothing more (`! a | b` is not). */
static bool plain_pipeline(const struct node *n)
{
    return n != NULL && n->kind == N_PIPELINE && n->redirs == NULL
           && !n->u.pipeline.negated && n->u.pipeline.nstages > 1;
}

int exec_background(struct shell *sh, struct node *n)
{
    if (n->redirs == NULL && plain_pipeline(n->u.group.body))
        return pipeline_run(sh, n->u.group.body, true);     /* no shell in between */
    bool jc = sh->jobs.job_control;
    struct child_plan cp = { jc ? 0 : -1, false, !jc };
    sigset_t mask;
    signals_block_chld(&mask);      /* until the child is in the job table */
    pid_t pid = exec_fork(sh, &cp, exec_why("run '%s' in the background", exec_label(n)));
    if (pid < 0) {
        signals_restore_mask(&mask);
        return STATUS_SYNTAX;
    }
    if (pid == 0)
        background_child(sh, n, &cp);
    struct strbuf text = STRBUF_INIT;
    if (n->u.group.body != NULL)
        ast_text(&text, n->u.group.body);   /* `jobs` adds the " &" itself */
    struct job *j = job_new(&sh->jobs, sb_str(&text), true);
    job_add_process(j, pid, sb_str(&text));
    signals_restore_mask(&mask);
    sb_free(&text);
    j->pgid = jc ? pid : 0;
    return job_started(sh, j);
}

/* ==== a | b | c ==== */

/* The child of one stage: its pipe ends onto 0 and 1, every other end
 * closed.  The first stage of `a | b &` without job control reads
 * /dev/null, as `a &` would. */
_Noreturn static void stage_child(struct shell *sh, struct node *stage, int in,
                                  const int out[2], const struct child_plan *cp, bool first)
{
    exec_child_forget(sh, cp);
    if (first && cp->background && cp->pgid < 0)
        stdin_from_null(stage);
    /* the pipes are close-on-exec, but a builtin or compound stage never
     * execs: an end left open here would keep the reader from seeing EOF */
    if (in >= 0)
        child_move_fd(in, 0, exec_why("stdin of '%s' <- pipe", exec_label(stage)));
    if (out[1] >= 0) {
        if (sys_close(out[0], "close the unused read end") < 0)
            _exit(STATUS_SYNTAX);
        child_move_fd(out[1], 1, exec_why("stdout of '%s' -> pipe", exec_label(stage)));
    }
    exec_child_run(sh, stage);
}

/* Close FD in the parent once a child has it.  Sets *FD to -1. */
static void parent_close(int *fd, const char *why)
{
    if (*fd >= 0 && sys_close(*fd, why) < 0)
        diag_error("close", "%s", strerror(errno));
    *fd = -1;
}

/*
 * A stage that is a plain program (`cat`, `wc -l`): look it up in PATH in
 * the parent, before the fork.  The child looks it up again and finds it
 * in the cache it inherited, just checked (path_warm: no system call),
 * instead of walking every PATH directory in every child, whose cache
 * dies with it.
 * Only a literal name with no assignment in front; the rest is left to
 * the child as before.
 */
static void stage_warm_path(struct shell *sh, const struct node *stage)
{
    if (stage->kind != N_SIMPLE || stage->u.simple.assigns != NULL)
        return;
    const struct word *w = stage->u.simple.words;
    if (w == NULL || w->parts->kind != WP_LITERAL || w->parts->next != NULL)
        return;
    const char *name = w->parts->u.text;
    if (name[0] == '\0' || strpbrk(name, "/*?[~") != NULL || builtin_find(name) != NULL
        || funcs_get(sh->funcs, name) != NULL)
        return;
    const char *pathvar = vars_get(sh->vars, "PATH");
    path_warm(name, pathvar != NULL ? pathvar : "");
}

/* Fork the child of one stage (stage_child), reading IN and writing FDS. */
static pid_t stage_fork(struct shell *sh, struct node *stage, int in, const int fds[2],
                        const struct child_plan *cp, bool first)
{
    stage_warm_path(sh, stage);
    pid_t pid = exec_fork(sh, cp, exec_why("run stage '%s'", exec_label(stage)));
    if (pid == 0)
        stage_child(sh, stage, in, fds, cp, first);
    path_cool();        /* the next search here checks the file again */
    return pid;
}

/*
 * Start one stage: a pipe to the next stage unless LAST, then its child:
 * a plain program starts without fork when it can (exec_stage_fast, as
 * dash does for a simple command), anything else in a forked child.  *PREV
 * is the read end from the previous stage (-1 for the FIRST); on return it
 * is this stage's read end for the next.  False if pipe or fork failed
 * (reported); the pipe ends are closed either way.  The caller has blocked
 * every signal: the child must be in the job table before its SIGCHLD.
 */
static bool stage_start(struct shell *sh, struct job *j, struct node *stage, bool first,
                        bool last, int *prev, struct child_plan *cp)
{
    int fds[2] = { -1, -1 };
    if (!last && sys_pipe(fds, exec_why("pipe after '%s'", exec_label(stage))) < 0) {
        diag_error("pipe", "%s", strerror(errno));
        parent_close(prev, "no stage will read it");
        return false;
    }
    pid_t pid = exec_stage_fast(sh, stage, cp, *prev, fds[1]);
    if (pid < 0)
        pid = stage_fork(sh, stage, *prev, fds, cp, first);
    /* the parent: these ends are the children's now; ours must go, or the
     * last reader never sees end-of-file */
    parent_close(prev, "close the read end given to the stage");
    parent_close(&fds[1], "close the write end given to the stage");
    *prev = fds[0];
    if (pid < 0) {
        parent_close(prev, "no stage will read it");
        return false;
    }
    struct strbuf text = STRBUF_INIT;
    ast_text(&text, stage);
    job_add_process(j, pid, sb_str(&text));
    sb_free(&text);
    if (cp->pgid == 0) {
        cp->pgid = pid;     /* the first stage leads the job's group */
        j->pgid = pid;
    }
    return true;
}

/*
 * A stage could not be started: end the stages that were (SIGKILL, as they
 * may wait forever for a stage that never came), reap every one of them,
 * and forget the job.  No zombie, no pipe end is left.
 */
static void pipeline_abandon(struct shell *sh, struct job *j)
{
    for (size_t i = 0; i < j->nprocs; i++)
        sys_kill(j->procs[i].pid, SIGKILL, "the pipeline cannot be completed");
    j->background = true;       /* the terminal stays with the shell */
    job_wait(&sh->jobs, j, false);
    job_remove(&sh->jobs, j);
}

/*
 * Two or more stages: one job, one child of the shell per stage (dash's
 * evalpipe), all in one process group.  In the foreground the shell waits
 * for them all; in the BACKGROUND it returns at once, $! the last stage.
 */
static int pipeline_run(struct shell *sh, struct node *n, bool background)
{
    struct strbuf text = STRBUF_INIT;
    ast_text(&text, n);
    struct job *j = job_new(&sh->jobs, sb_str(&text), background);
    sb_free(&text);
    bool jc = sh->jobs.job_control;
    struct child_plan cp = { jc ? 0 : -1, !background, background && !jc };
    int prev = -1;
    bool ok = true;
    size_t count = n->u.pipeline.nstages;
    sigset_t mask;
    signals_block_chld(&mask);  /* until every stage is in the job table: once, not per stage */
    for (size_t i = 0; i < count && ok; i++)
        ok = stage_start(sh, j, n->u.pipeline.stages[i], i == 0, i + 1 == count, &prev, &cp);
    signals_restore_mask(&mask);
    if (!ok) {
        pipeline_abandon(sh, j);
        return STATUS_SYNTAX;
    }
    return background ? job_started(sh, j) : exec_wait_job(sh, j);
}

int exec_pipeline(struct shell *sh, struct node *n, bool last)
{
    bool negated = n->u.pipeline.negated;
    int status;
    if (negated)
        sh->errexit_off++;      /* `! cmd` is tested: set -e ignores it */
    if (n->u.pipeline.nstages > 1)
        status = pipeline_run(sh, n, false);
    else if (last && !negated)
        status = exec_tree_last(sh, n->u.pipeline.stages[0]);
    else
        status = exec_tree(sh, n->u.pipeline.stages[0]);   /* `! cmd`: no fork */
    if (negated) {
        sh->errexit_off--;
        if (sh->jump != JUMP_RETURN && sh->jump != JUMP_EXIT)
            status = status == 0 ? 1 : 0;   /* `! return 5` returns 5, `! exit 3` exits 3 */
    }
    return status;
}

/* ==== $(...) ==== */

/* Read FD to its end into OUT. */
static void read_all(int fd, struct strbuf *out)
{
    char buf[4096];
    ssize_t n;
    while ((n = sys_read(fd, buf, sizeof buf)) > 0)
        sb_putn(out, buf, (size_t)n);
    if (n < 0)
        diag_error("read", "%s", strerror(errno));
}

/* The child of $(...): stdout into the pipe, then run N. */
_Noreturn static void cmdsub_child(struct shell *sh, struct node *n, const int fds[2],
                                   const struct child_plan *cp)
{
    exec_child_forget(sh, cp);
    sh->errexit_off = 0;    /* dash: set -e holds inside $(...) even under `if` */
    if (sys_close(fds[0], "close the unused read end") < 0)
        _exit(STATUS_SYNTAX);
    child_move_fd(fds[1], 1, "stdout of $(...) -> pipe");
    exec_child_run(sh, n);
}

/* The child of $(N) writing into FDS[1]: a program started without fork
 * when N is just that, else a forked subshell.  Its pid, or -1 (reported). */
static pid_t cmdsub_start(struct shell *sh, struct node *n, const int fds[2])
{
    struct child_plan cp = { -1, false, false };    /* stays in the shell's group */
    pid_t pid = exec_cmdsub_fast(sh, n, fds[1]);
    if (pid > 0)
        return pid;
    pid = exec_fork(sh, &cp, exec_why("run $(%s)", exec_label(n)));
    if (pid == 0)
        cmdsub_child(sh, n, fds, &cp);
    return pid;
}

int exec_cmdsub(struct shell *sh, struct node *n, struct strbuf *out)
{
    int fds[2];
    cmdsub_runs++;
    if (n == NULL)
        return sh->last_status = 0;
    if (sys_pipe(fds, "capture the output of $(...)") < 0) {
        diag_error("pipe", "%s", strerror(errno));
        return sh->last_status = STATUS_SYNTAX;
    }
    int status;
    if (exec_cmdsub_inline(sh, n, fds[1], &status) == 0) {     /* $(echo ...): no child */
        parent_close(&fds[1], "the builtin is done writing");
        read_all(fds[0], out);
        parent_close(&fds[0], "all of the output is read");
        return sh->last_status = status;
    }
    sigset_t mask;
    signals_block_chld(&mask);      /* until the child is in the job table */
    pid_t pid = cmdsub_start(sh, n, fds);
    parent_close(&fds[1], "close the write end, or the read never ends");
    if (pid < 0) {
        signals_restore_mask(&mask);
        parent_close(&fds[0], "no child to read from");
        return sh->last_status = STATUS_SYNTAX;
    }
    /* a hidden job, recorded before reading: a waitpid(-1) elsewhere
     * must find it in the table rather than lose its status */
    struct job *j = job_new(&sh->jobs, "$(...)", false);
    job_add_process(j, pid, "$(...)");
    signals_restore_mask(&mask);
    bool deferred = signals_int_defer();    /* as exec_wait_job: outlive the child's ^C */
    read_all(fds[0], out);
    parent_close(&fds[0], "all of the output is read");
    status = job_wait(&sh->jobs, j, false);
    signals_int_resume(deferred);
    return sh->last_status = status;
}
