/*
 * exec_internal.h -- what the three executor files share: exec.c (the tree
 * walk), exec_cmd.c (simple commands) and exec_job.c (forks: pipelines,
 * subshells, background jobs, command substitution).
 *
 * Owns: the child plan (process group, terminal, signals of a new child),
 *       the spawn description of an external command, and the helpers
 *       the files call across.
 * Never: included by anything but src/exec*.c and tests/unit/test_exec.c.
 */
#ifndef MINISH_EXEC_INTERNAL_H
#define MINISH_EXEC_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "arena.h"
#include "ast.h"
#include "redir.h"
#include "strbuf.h"

struct shell;
struct builtin;
struct job;

/* dash: a redirection that fails makes the command's status 2 */
enum { EXEC_REDIR_FAILED = 2 };
/* deeper function calls than this would overflow the C stack */
enum { EXEC_MAX_FUNC_DEPTH = 1000 };

/* How a newly forked child joins a process group and treats signals. */
struct child_plan {
    pid_t pgid;         /* job control: group to join, 0 = lead a new one; -1: no job control */
    bool foreground;    /* with job control: the child takes the terminal */
    bool background;    /* `&` without job control: SIGINT/SIGQUIT ignored */
};

/* An external command, ready for execve (built before fork, so that a
 * later vfork/posix_spawn version needs nothing from the child but this). */
struct spawn {
    const char *name;           /* argv[0], for messages */
    const char *path;           /* what to execve, or NULL: the PATH search failed */
    int search_errno;           /* why path is NULL: ENOENT or EACCES */
    char **argv;
    char *const *envp;
    const struct fd_op *ops;    /* redirections, applied in the child */
    size_t nops;
};

/* A function body as the function table holds it: a copy of the defining
 * node's body, next to the arena that the rest of the tree lives in. */
struct exec_func {
    unsigned magic;             /* EXEC_FUNC_MAGIC: made by exec_funcdef */
    struct arena *arena;        /* the tree's arena (the table holds a reference) */
    const struct node *src;     /* the N_FUNCDEF that made it (to skip re-definitions) */
    struct node body;
};

/* ==== exec.c ==== */

/* Run N as the last thing this process does (dash's EV_EXIT): its last
 * program is exec'd in place when exec_nothing_left says so. */
int exec_tree_last(struct shell *sh, struct node *n);
/* True when no trap (EXIT or a caught signal) and no job control needs the
 * shell after its last command: that command may replace the process. */
bool exec_nothing_left(const struct shell *sh);

/* True when the current list must stop: a break/continue/return/exit is
 * unwinding, or Ctrl-C interrupted an interactive shell. */
bool exec_stopping(const struct shell *sh);
/* Run N (NULL: status 0) with the tree arena set to A meanwhile. */
int exec_in_arena(struct shell *sh, struct node *n, struct arena *a);
/* The exec_func holding BODY, or NULL if BODY was not defined by us. */
struct exec_func *exec_func_of(struct node *body);
/* After an expansion error (already printed): exit a script, else return the status. */
int exec_expand_failed(struct shell *sh);
/* Set NAME=VALUE with FLAGS (+export under set -a).  -1 after "x: is read only". */
int exec_assign(struct shell *sh, const char *name, const char *value, unsigned flags);
/* Expand the redirection list R into an fd plan in A.  -1 after an error
 * (printed; a script has exited; the status is in sh->last_status). */
int exec_redir_plan(struct shell *sh, struct arena *a, const struct redir *r,
                    struct fd_op **ops, size_t *nops);
/* sh->ops.source: run the commands of file PATH in this shell. */
int exec_source(struct shell *sh, const char *path);
/* A `why` string for the sys trace (printf-style), or NULL when the trace is off. */
const char *exec_why(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* N's source text, cut short, for `why` strings ("" when the trace is off). */
const char *exec_label(const struct node *n);

/* ==== exec_cmd.c ==== */

/* Run simple command N.  LAST: nothing follows it in this process, so if
 * exec_nothing_left agrees, a program is exec'd in place (no fork) and
 * nothing needs undoing. */
int exec_simple(struct shell *sh, struct node *n, bool last);
/* Run builtin B, then flush stdout; a write error makes the status 1. */
int exec_run_builtin(struct shell *sh, const struct builtin *b, int argc, char **argv);
/* sh->ops.run_argv: ARGV as a builtin or external command, never a function. */
int exec_run_argv(struct shell *sh, char **argv);
/* Start the external command SP in a child set up by CP.  Returns the pid,
 * or -1 (reported).  The one place a program is started. */
pid_t exec_spawn(struct shell *sh, const struct spawn *sp, const struct child_plan *cp);
/* In a child: apply SP's redirections and execve.  Never returns. */
_Noreturn void exec_become(struct shell *sh, const struct spawn *sp);
/* This process becomes a fresh shell reading the script PATH (a file without
 * #! that execve refused with ENOEXEC); ARGV[1..] are its arguments. */
_Noreturn void exec_become_script(struct shell *sh, const char *path, char *const *argv,
                                  char *const *envp);

/* ==== exec_spawn.c ==== */

/* Start SP with vfork or posix_spawn (set -o spawn) when its child only
 * needs descriptor moves, signal resets and its process group; PRE[0..NPRE-1]
 * (at most 2) are moves {from, to} done before SP's redirections; WHY is
 * for the trace (NULL: "start 'NAME'").
 * Returns the pid, or -1 having printed and changed nothing: the caller
 * then forks as usual (which gives the usual error messages). */
pid_t exec_spawn_fast(struct shell *sh, const struct spawn *sp, const struct child_plan *cp,
                      const int (*pre)[2], size_t npre, const char *why);
/* $(N) where N only runs a program (no shell code, nothing its expansion
 * could change in the shell): expand it here and start it with stdout on
 * OUT_FD, without fork.  The pid, or -1: fork a subshell as usual. */
pid_t exec_cmdsub_fast(struct shell *sh, struct node *n, int out_fd);
/* A pipeline stage N that only runs a program, the same way: stdin from IN
 * and stdout to OUT (-1: the stage's own), in CP's process group, without
 * fork.  The pid, or -1: fork the stage as usual. */
pid_t exec_stage_fast(struct shell *sh, struct node *n, const struct child_plan *cp,
                      int in, int out);
/* $(echo ...), $(pwd), $(true): run the builtin in the shell with stdout on
 * OUT_FD (its output is small enough to fit in the pipe).  0 with *STATUS
 * set, or -1 (nothing done, nothing printed): fork a subshell as usual. */
int exec_cmdsub_inline(struct shell *sh, struct node *n, int out_fd, int *status);

/* ==== exec_job.c ==== */

/* fflush(stdout), fork, and put the child into CP's process group (in both
 * processes).  Returns the pid (0 in the child), or -1 (reported). */
pid_t exec_fork(struct shell *sh, const struct child_plan *cp, const char *why);
/* In a child that runs shell code: forget the parent's jobs and traps,
 * stop being interactive, set the child's signal dispositions. */
void exec_child_forget(struct shell *sh, const struct child_plan *cp);
/* In a child: run N and exit with its status (EXIT trap included). */
_Noreturn void exec_child_run(struct shell *sh, struct node *n);
_Noreturn void exec_child_exit(struct shell *sh, int status);
/* Record PID (group PGID, 0 if none) as a hidden foreground job, restore
 * MASK (saved by signals_block_chld before the fork), and wait for it. */
int exec_wait_child(struct shell *sh, pid_t pid, pid_t pgid, const char *text,
                    const sigset_t *mask);
/* Wait for foreground job J; returns its status. */
int exec_wait_job(struct shell *sh, struct job *j);
/* The kinds of node that fork.  LAST as for exec_tree_last. */
int exec_pipeline(struct shell *sh, struct node *n, bool last);
int exec_background(struct shell *sh, struct node *n);
int exec_subshell(struct shell *sh, struct node *n, bool last);
/* sh->ops.cmdsub. */
int exec_cmdsub(struct shell *sh, struct node *n, struct strbuf *out);
/* How many command substitutions have run (to tell `x=$(false)` from `x=1`). */
unsigned long exec_cmdsub_count(void);

#endif
