/*
 * sys.h -- the one seam between the shell and the kernel's process and
 * descriptor calls.
 *
 * Owns: fork, execve, pipe, dup2, close, open, waitpid, kill, setpgid,
 *       tcsetpgrp; retrying on EINTR; the teaching trace of each call.
 * Never: prints an error message (callers do, with errno intact) or decides
 *        what a failure means.
 *
 * Every function returns what the system call returns (-1 with errno set on
 * failure).  WHY is a few plain words saying what the call is for, e.g.
 * "stdout of 'ls' -> pipe"; it may be NULL.  It is printed by the trace.
 */
#ifndef MINISH_SYS_H
#define MINISH_SYS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Turn the narration on (fd >= 0, a private close-on-exec descriptor) or off (-1). */
void sys_trace_set(int fd);
/* The trace descriptor, or -1 when the trace is off. */
int sys_trace_fd(void);
/* Print one free-form trace line ("minish[PID]: TEXT") if the trace is on. */
void sys_trace_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* True if any trace is on: the narration, --trace-file or --trace-dot
 * (callers format their WHY strings only then). */
bool sys_tracing(void);

pid_t sys_fork(const char *why);
/* Replace the process image.  Returns only on failure. */
int sys_execve(const char *path, char *const argv[], char *const envp[]);
/* Both ends are close-on-exec; a child dup2()s the end it needs onto 0 or 1. */
int sys_pipe(int fds[2], const char *why);
int sys_dup2(int from, int to, const char *why);
/* A close-on-exec copy of FD numbered MIN or above (F_DUPFD_CLOEXEC). */
int sys_dup_above(int fd, int min, const char *why);
int sys_close(int fd, const char *why);
/* Turn FD's close-on-exec flag ON or off (fcntl F_SETFD).  A redirection
 * whose open() landed on its target fd clears it, or exec would close it. */
int sys_cloexec(int fd, bool on, const char *why);
/* open(2), retried on EINTR (opening a FIFO can block), always with
 * O_CLOEXEC added: a redirection dup2()s the result onto its target fd,
 * and the copy does not inherit close-on-exec. */
int sys_open(const char *path, int flags, mode_t mode, const char *why);
/* waitpid(2), retried on EINTR. */
pid_t sys_waitpid(pid_t pid, int *status, int options, const char *why);
/* The same, but once *STOP is set (by a signal handler: the call was
 * interrupted, or it was set before) it returns -1 with errno EINTR. */
pid_t sys_waitpid_unless(pid_t pid, int *status, int options, volatile sig_atomic_t *stop,
                         const char *why);
int sys_kill(pid_t pid, int sig, const char *why);
int sys_setpgid(pid_t pid, pid_t pgid, const char *why);
int sys_tcsetpgrp(int fd, pid_t pgid, const char *why);
/* From a signal handler that is about to let the signal kill the shell:
 * give terminal FD to group PGID and rejoin it.  Async-signal-safe, so
 * not narrated and not retried; errors are ignored (nothing can be done). */
void sys_handback_in_handler(int fd, pid_t pgid);
/* Teaching (set -o subreaper): prctl(PR_SET_CHILD_SUBREAPER, ON), so that
 * orphans below this process are re-parented to it, not to init.  Linux. */
int sys_subreaper(bool on);
/* read(2) retried on EINTR. */
/* The kernel's signal numbers in words: 2 to "INT" (NULL if unknown), and
 * bash's description "Interrupt" ("Unknown signal").  signals.h's
 * signal_name/signal_describe are the same, for modules above sys. */
const char *sys_signal_name(int sig);
const char *sys_signal_describe(int sig);

ssize_t sys_read(int fd, void *buf, size_t n);
/* Write all N bytes, retrying on EINTR and short writes.  0 or -1. */
int sys_write_all(int fd, const void *buf, size_t n);

/* ==== Starting a program without fork (spawn=vfork / posix_spawn) ==== */

/*
 * Everything a child does between its birth and execve, as data, so that
 * it can run in a vfork child (which shares the parent's memory: no
 * stdio, no malloc) or be handed to posix_spawn.  The files were opened
 * by the parent; the child only moves descriptors.
 */
enum { SYS_SPAWN_MAX_MOVES = 32 };  /* more moves than this: E2BIG */

struct sys_spawn_req {
    const char *path;           /* what to execve (the PATH search is done) */
    char *const *argv;
    char *const *envp;
    pid_t pgid;                 /* -1: stay in the shell's group; 0: lead a new one; else join it */
    int tty_fd;                 /* >= 0: the child takes this terminal (vfork only) */
    const int (*moves)[2];      /* dup2(moves[i][0], moves[i][1]) in order; [0] == -1: close [1] */
    size_t nmoves;
    void (*child_signals)(void *ctx);   /* vfork: reset dispositions and unblock (in the child) */
    void *ctx;
    const sigset_t *sigdefault; /* posix_spawn: the signals the child resets to SIG_DFL */
};

/*
 * vfork, then in the child: setpgid, tcsetpgrp, child_signals, the moves
 * and execve.  Call it with every signal blocked (signals_block_chld).
 * Returns the child's pid once it has exec'd, or -1 with errno
 * set: vfork failed, or the child could not set up or exec (it has exited
 * with 127 and been reaped; it printed nothing, so the caller may start
 * over with fork to get the exact error message).
 */
pid_t sys_vfork_exec(const struct sys_spawn_req *rq, const char *why);
/* The same through posix_spawn (POSIX_SPAWN_SETPGROUP, SETSIGDEF, SETSIGMASK
 * and dup2/close file actions).  tty_fd and child_signals are not used. */
pid_t sys_posix_spawn(const struct sys_spawn_req *rq, const char *why);

#endif
