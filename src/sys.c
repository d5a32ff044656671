/*
 * sys.c -- the one seam between the shell and the kernel's process and
 * descriptor calls, and the teaching trace that narrates each of them.
 *
 * Owns: the only calls to fork, execve, pipe, dup2, close, open, waitpid,
 *       kill, setpgid, tcsetpgrp and fcntl; retrying on EINTR; the trace
 *       line format "minish[PID]: CALL = RESULT   # WHY".
 * Never: prints an error message or decides what a failure means: every
 *        wrapper returns what the call returned, with errno intact.
 */
#include "sys.h"
#include "trace.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static int trace_fd = -1;   /* where the narration goes; -1: off */

void sys_trace_set(int fd)
{
    trace_fd = fd;
}

int sys_trace_fd(void)
{
    return trace_fd;
}

/* ==== Signal names ==== */

static const struct {
    int sig;
    const char *name;
    const char *describe;   /* bash's words (strsignal's, without locale) */
} sigtab[] = {
    {SIGHUP, "HUP", "Hangup"}, {SIGINT, "INT", "Interrupt"},
    {SIGQUIT, "QUIT", "Quit"}, {SIGILL, "ILL", "Illegal instruction"},
    {SIGTRAP, "TRAP", "Trace/breakpoint trap"}, {SIGABRT, "ABRT", "Aborted"},
    {SIGBUS, "BUS", "Bus error"}, {SIGFPE, "FPE", "Floating point exception"},
    {SIGKILL, "KILL", "Killed"}, {SIGUSR1, "USR1", "User defined signal 1"},
    {SIGSEGV, "SEGV", "Segmentation fault"}, {SIGUSR2, "USR2", "User defined signal 2"},
    {SIGPIPE, "PIPE", "Broken pipe"}, {SIGALRM, "ALRM", "Alarm clock"},
    {SIGTERM, "TERM", "Terminated"},
#ifdef SIGSTKFLT
    {SIGSTKFLT, "STKFLT", "Stack fault"},
#endif
    {SIGCHLD, "CHLD", "Child exited"}, {SIGCONT, "CONT", "Continued"},
    {SIGSTOP, "STOP", "Stopped (signal)"}, {SIGTSTP, "TSTP", "Stopped"},
    {SIGTTIN, "TTIN", "Stopped (tty input)"}, {SIGTTOU, "TTOU", "Stopped (tty output)"},
    {SIGURG, "URG", "Urgent I/O condition"}, {SIGXCPU, "XCPU", "CPU time limit exceeded"},
    {SIGXFSZ, "XFSZ", "File size limit exceeded"},
    {SIGVTALRM, "VTALRM", "Virtual timer expired"},
    {SIGPROF, "PROF", "Profiling timer expired"},
#ifdef SIGWINCH
    {SIGWINCH, "WINCH", "Window changed"},
#endif
#ifdef SIGIO
    {SIGIO, "IO", "I/O possible"},
#endif
#ifdef SIGPWR
    {SIGPWR, "PWR", "Power failure"},
#endif
    {SIGSYS, "SYS", "Bad system call"},
};
#define NSIGTAB (sizeof sigtab / sizeof sigtab[0])

const char *sys_signal_name(int sig)
{
    for (size_t i = 0; i < NSIGTAB; i++)
        if (sigtab[i].sig == sig)
            return sigtab[i].name;
    return NULL;
}

const char *sys_signal_describe(int sig)
{
    for (size_t i = 0; i < NSIGTAB; i++)
        if (sigtab[i].sig == sig)
            return sigtab[i].describe;
    return "Unknown signal";
}

/* ==== The trace ==== */

/* A fixed line buffer that never overflows: text past the end is dropped. */
struct line {
    char buf[1024];
    size_t len;
};

static void line_vadd(struct line *l, const char *fmt, va_list ap)
{
    size_t room = sizeof l->buf - l->len;
    int n = vsnprintf(l->buf + l->len, room, fmt, ap);
    if (n > 0)
        l->len += (size_t)n < room ? (size_t)n : room - 1;
}

static void line_add(struct line *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    line_vadd(l, fmt, ap);
    va_end(ap);
}

/* The symbolic name of the errors a shell commonly meets ("EBADF"). */
static const char *errno_name(int err)
{
    static const struct { int err; const char *name; } names[] = {
        {EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {EINTR, "EINTR"},
        {EBADF, "EBADF"}, {ECHILD, "ECHILD"}, {EAGAIN, "EAGAIN"},
        {ENOMEM, "ENOMEM"}, {EACCES, "EACCES"}, {EEXIST, "EEXIST"},
        {ENOTDIR, "ENOTDIR"}, {EISDIR, "EISDIR"}, {EINVAL, "EINVAL"},
        {EMFILE, "EMFILE"}, {ENOSPC, "ENOSPC"}, {ESPIPE, "ESPIPE"},
        {EPIPE, "EPIPE"}, {ESRCH, "ESRCH"}, {ENOEXEC, "ENOEXEC"},
        {ENOTTY, "ENOTTY"}, {E2BIG, "E2BIG"}, {EBUSY, "EBUSY"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].err == err)
            return names[i].name;
    return "E?";
}

bool sys_tracing(void)
{
    return trace_fd >= 0 || trace_active();
}

/*
 * BODY ("dup2(4, 1) = 1", "fork() = 0 (child)", "pipe() = [3, 4]",
 * "execve(...) ...", or a free note) split into an event for trace.c's
 * JSONL and pictures.  BODY is cut up in place.
 */
static void trace_event_of(char *body, const char *why)
{
    struct trace_event ev = {.call = "note", .args = NULL, .has_result = false,
                             .result = 0, .err = NULL, .detail = body, .reason = why};
    char *open = strchr(body, '(');
    char *eq = strstr(body, ") = ");
    char *dots = strstr(body, ") ...");
    char *close = eq != NULL ? eq : dots;
    if (open != NULL && close != NULL && open < close && strchr(body, ' ') > open) {
        *open = '\0';
        *close = '\0';
        ev.call = body;
        ev.args = open + 1;
        ev.detail = NULL;
        if (eq != NULL) {
            char *end;
            ev.has_result = true;
            ev.result = strtol(eq + 4, &end, 10);
            if (end == eq + 4)      /* "pipe() = [3, 4]": the ends are the detail */
                ev.result = 0;
            while (*end == ' ')
                end++;
            if (ev.result < 0 && *end == 'E') {
                ev.err = end;
                end = strchr(end, ' ');
                if (end != NULL)
                    *end++ = '\0';
            }
            ev.detail = end != NULL && *end != '\0' ? end : NULL;
        }
    }
    trace_record(&ev);
}

/*
 * The one place a trace line is built and written: "minish[PID]: " + the
 * formatted text + "   # WHY".  write(2), not stdio, so that the line goes
 * out at once (before a fork or exec) and errno survives for the caller.
 * The same event goes to trace.c for the JSONL file and the pictures.
 */
static void trace_line(const char *why, const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    int saved_errno = errno;
    struct line l = {.len = 0};
    va_list ap;
    line_add(&l, "minish[%ld]: ", (long)getpid());
    size_t body = l.len;
    va_start(ap, fmt);
    line_vadd(&l, fmt, ap);
    va_end(ap);
    char copy[sizeof l.buf];
    memcpy(copy, l.buf + body, l.len - body + 1);
    if (why != NULL)
        line_add(&l, "   # %s", why);
    if (l.len >= sizeof l.buf - 1)
        l.len = sizeof l.buf - 2;       /* keep room for the newline */
    l.buf[l.len++] = '\n';
    if (trace_fd >= 0)
        (void)sys_write_all(trace_fd, l.buf, l.len);
    trace_event_of(copy, why);
    errno = saved_errno;
}

/* "CALL = R" or "CALL = -1 EBADF (Bad file descriptor)". */
static void trace_ret(long r, int err, const char *why, const char *call)
{
    if (r >= 0)
        trace_line(why, "%s = %ld", call, r);
    else
        trace_line(why, "%s = -1 %s (%s)", call, errno_name(err), strerror(err));
}

void sys_trace_note(const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    char text[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    trace_line(NULL, "%s", text);
}

/* "O_WRONLY|O_CREAT|O_TRUNC" for open's trace line. */
static void flags_text(struct line *l, int flags)
{
    int acc = flags & O_ACCMODE;
    line_add(l, "%s", acc == O_RDONLY ? "O_RDONLY" : acc == O_WRONLY ? "O_WRONLY" : "O_RDWR");
    if (flags & O_CREAT)
        line_add(l, "|O_CREAT");
    if (flags & O_EXCL)
        line_add(l, "|O_EXCL");
    if (flags & O_TRUNC)
        line_add(l, "|O_TRUNC");
    if (flags & O_APPEND)
        line_add(l, "|O_APPEND");
}

/* "exited 0", "killed by SIGINT", "stopped by SIGTSTP", "continued". */
static void status_text(struct line *l, int st)
{
    const char *name = NULL;
    if (WIFEXITED(st)) {
        line_add(l, "exited %d", WEXITSTATUS(st));
        return;
    }
    if (WIFCONTINUED(st)) {
        line_add(l, "continued");
        return;
    }
    int sig = WIFSIGNALED(st) ? WTERMSIG(st) : WSTOPSIG(st);
    name = sys_signal_name(sig);
    line_add(l, "%s by ", WIFSIGNALED(st) ? "killed" : "stopped");
    if (name != NULL)
        line_add(l, "SIG%s", name);
    else
        line_add(l, "signal %d", sig);
}

/* ==== Processes ==== */

pid_t sys_fork(const char *why)
{
    trace_step(why != NULL ? why : "fork", (long)getpid());
    pid_t pid = fork();
    int err = errno;
    if (pid == 0)
        trace_line(why, "fork() = 0 (child)");
    else
        trace_ret(pid, err, why, "fork()");
    errno = err;
    return pid;
}

int sys_execve(const char *path, char *const argv[], char *const envp[])
{
    if (sys_tracing()) {
        /* print first: on success execve never returns to say anything */
        struct line l = {.len = 0};
        line_add(&l, "execve(\"%s\", [", path);
        for (size_t i = 0; argv[i] != NULL; i++)
            line_add(&l, "%s\"%s\"", i ? ", " : "", argv[i]);
        line_add(&l, "]) ...");
        trace_line("a new program replaces this process: same pid, same fds", "%s", l.buf);
    }
    trace_step("execve a new program in this process", (long)getpid());
    int r = execve(path, argv, envp);
    int err = errno;
    char call[600];
    snprintf(call, sizeof call, "execve(\"%s\")", path);
    trace_ret(r, err, NULL, call);
    errno = err;
    return r;
}

pid_t sys_waitpid(pid_t pid, int *status, int options, const char *why)
{
    pid_t r;
    if (!(options & WNOHANG))
        trace_step(why != NULL ? why : "wait for a child", (long)getpid());
    do
        r = waitpid(pid, status, options);
    while (r < 0 && errno == EINTR);
    int err = errno;
    /* a WNOHANG poll that found nothing is not worth a line: the shell
     * polls before every prompt, and the trace would drown in them */
    if (!sys_tracing() || ((options & WNOHANG) && (r == 0 || err == ECHILD)))
        return r;
    struct line l = {.len = 0};
    line_add(&l, "waitpid(%ld%s)", (long)pid, (options & WNOHANG) ? ", WNOHANG" : "");
    if (r > 0) {
        line_add(&l, " = %ld ", (long)r);
        status_text(&l, *status);
        line_add(&l, " [wstatus 0x%04x]", (unsigned)*status & 0xffffu);
        trace_line(why, "%s", l.buf);
    } else {
        trace_ret(r, err, why, l.buf);
    }
    errno = err;
    return r;
}

int sys_kill(pid_t pid, int sig, const char *why)
{
    int r = kill(pid, sig);
    int err = errno;
    if (sys_tracing()) {
        char call[64];
        const char *name = sys_signal_name(sig);
        snprintf(call, sizeof call, "kill(%ld, SIG%s)", (long)pid, name ? name : "?");
        trace_ret(r, err, why, call);
    }
    errno = err;
    return r;
}

int sys_setpgid(pid_t pid, pid_t pgid, const char *why)
{
    int r = setpgid(pid, pgid);
    int err = errno;
    char call[64];
    snprintf(call, sizeof call, "setpgid(%ld, %ld)", (long)pid, (long)pgid);
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

int sys_tcsetpgrp(int fd, pid_t pgid, const char *why)
{
    int r = tcsetpgrp(fd, pgid);
    int err = errno;
    char call[64];
    snprintf(call, sizeof call, "tcsetpgrp(%d, %ld)", fd, (long)pgid);
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

void sys_handback_in_handler(int fd, pid_t pgid)
{
    int saved_errno = errno;
    (void)tcsetpgrp(fd, pgid);
    (void)setpgid(0, pgid);
    errno = saved_errno;
}

/* ==== Descriptors ==== */

/* fcntl F_GETFD + F_SETFD, untraced (sys_pipe's own use is not news). */
static int set_cloexec(int fd, bool on)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    return fcntl(fd, F_SETFD, on ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC);
}

int sys_cloexec(int fd, bool on, const char *why)
{
    int r = set_cloexec(fd, on);
    int err = errno;
    char call[64];
    snprintf(call, sizeof call, "fcntl(%d, F_SETFD, %s)", fd, on ? "FD_CLOEXEC" : "0");
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

int sys_pipe(int fds[2], const char *why)
{
    int r = pipe(fds);
    int err = errno;
    if (r < 0) {
        trace_ret(r, err, why, "pipe()");
        errno = err;
        return r;
    }
    trace_line(why, "pipe() = [%d, %d]", fds[0], fds[1]);
    /* the shell's own pipe ends must not leak into unrelated children */
    if (set_cloexec(fds[0], true) < 0 || set_cloexec(fds[1], true) < 0) {
        err = errno;
        close(fds[0]);
        close(fds[1]);
        errno = err;
        return -1;
    }
    return 0;
}

int sys_dup2(int from, int to, const char *why)
{
    int r;
    do  /* Linux: EBUSY when racing an open() of the same number */
        r = dup2(from, to);
    while (r < 0 && (errno == EINTR || errno == EBUSY));
    int err = errno;
    char call[64];
    snprintf(call, sizeof call, "dup2(%d, %d)", from, to);
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

int sys_dup_above(int fd, int min, const char *why)
{
    int r = fcntl(fd, F_DUPFD_CLOEXEC, min);
    int err = errno;
    char call[64];
    snprintf(call, sizeof call, "fcntl(%d, F_DUPFD_CLOEXEC, %d)", fd, min);
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

int sys_close(int fd, const char *why)
{
    /* never retried on EINTR: Linux has closed FD already, and a retry
     * could close a descriptor another open() just reused */
    int r = close(fd);
    int err = errno;
    char call[32];
    snprintf(call, sizeof call, "close(%d)", fd);
    trace_ret(r, err, why, call);
    errno = err;
    return r;
}

int sys_open(const char *path, int flags, mode_t mode, const char *why)
{
    int r;
    do
        r = open(path, flags | O_CLOEXEC, mode);
    while (r < 0 && errno == EINTR);
    int err = errno;
    if (sys_tracing()) {
        struct line l = {.len = 0};
        line_add(&l, "open(\"%s\", ", path);
        flags_text(&l, flags);
        line_add(&l, ")");
        trace_ret(r, err, why, l.buf);
    }
    errno = err;
    return r;
}

ssize_t sys_read(int fd, void *buf, size_t n)
{
    ssize_t r;
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    return r;
}

int sys_write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* ==== Starting a program without fork (owned by the perf engineer) ==== */

#include <spawn.h>

/* vfork left POSIX in 2008, so strict headers hide it; every Unix still has
 * it.  returns_twice: like setjmp, the compiler must not keep values in
 * registers across it. */
extern pid_t vfork(void) __attribute__((returns_twice));

/* Narrate a spawn after the fact: the vfork child may not write at all,
 * and a posix_spawn child is libc's, so the parent tells.  PID: the child
 * (-1: none was made); ERR: why the child could not exec (0: it did). */
static void trace_spawn(const char *call, pid_t pid, int err, const struct sys_spawn_req *rq,
                        const char *why)
{
    if (!sys_tracing())
        return;
    trace_ret(pid, err, why, call);
    for (size_t i = 0; i < rq->nmoves && pid > 0; i++) {
        if (rq->moves[i][0] < 0)
            trace_line("in the child", "close(%d)", rq->moves[i][1]);
        else
            trace_line("in the child", "dup2(%d, %d)", rq->moves[i][0], rq->moves[i][1]);
    }
    if (pid > 0 && err == 0)
        trace_line("in the child: a new program replaces it", "execve(\"%s\") = 0", rq->path);
    else if (pid > 0)
        trace_line("in the child, which _exit()ed: the shell starts over with fork",
                   "execve(\"%s\") = -1 %s (%s)", rq->path, errno_name(err), strerror(err));
}

/* In the child, before exec: the descriptor moves.  Only async-signal-safe
 * calls.  0, or the errno of the failed call. */
static int spawn_moves(const struct sys_spawn_req *rq)
{
    for (size_t i = 0; i < rq->nmoves; i++) {
        int from = rq->moves[i][0], to = rq->moves[i][1];
        if (from < 0 ? close(to) < 0 && errno != EBADF : dup2(from, to) < 0)
            return errno;
    }
    return 0;
}

/*
 * The vfork child shares our memory and stack until it execs or exits, and
 * we are suspended meanwhile.  So it only makes system calls (no stdio, no
 * malloc: their state is ours), reports a failure through the volatile
 * CHILD_ERR in this frame, and leaves with _exit, never by returning.
 * Signals are blocked around vfork: a handler running in the child would
 * set the parent's flags; child_signals resets the dispositions and only
 * then unblocks.
 */
pid_t sys_vfork_exec(const struct sys_spawn_req *rq, const char *why)
{
    volatile int child_err = 0;
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    pid_t pid = vfork();
    if (pid == 0) {
        if (rq->pgid >= 0) {
            pid_t pgid = rq->pgid > 0 ? rq->pgid : getpid();
            setpgid(0, pgid);       /* before exec, so the job's group exists */
            if (rq->tty_fd >= 0)
                tcsetpgrp(rq->tty_fd, pgid);    /* SIGTTOU is blocked: allowed */
        }
        rq->child_signals(rq->ctx);
        child_err = spawn_moves(rq);
        if (child_err == 0) {
            execve(rq->path, rq->argv, rq->envp);
            child_err = errno;
        }
        _exit(127);
    }
    int err = pid < 0 ? errno : child_err;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid > 0 && err != 0) {
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            continue;       /* reap the failed child: the caller starts over */
    }
    trace_spawn("vfork()", pid, err, rq, why);
    errno = err;
    return err != 0 ? -1 : pid;
}

/* RQ as posix_spawn attributes and file actions.  0 or an error number. */
static int spawn_setup(const struct sys_spawn_req *rq, posix_spawnattr_t *at,
                       posix_spawn_file_actions_t *fa)
{
    sigset_t none;
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    int e = 0;
    sigemptyset(&none);
    if (rq->pgid >= 0) {
        flags |= POSIX_SPAWN_SETPGROUP;
        e = posix_spawnattr_setpgroup(at, rq->pgid);
    }
    if (e == 0)
        e = posix_spawnattr_setflags(at, flags);
    if (e == 0)
        e = posix_spawnattr_setsigmask(at, &none);
    if (e == 0)
        e = posix_spawnattr_setsigdefault(at, rq->sigdefault);
    for (size_t i = 0; i < rq->nmoves && e == 0; i++)
        e = rq->moves[i][0] < 0 ? posix_spawn_file_actions_addclose(fa, rq->moves[i][1])
                                : posix_spawn_file_actions_adddup2(fa, rq->moves[i][0],
                                                                   rq->moves[i][1]);
    return e;
}

pid_t sys_posix_spawn(const struct sys_spawn_req *rq, const char *why)
{
    posix_spawnattr_t at;
    posix_spawn_file_actions_t fa;
    pid_t pid = -1;
    int e = posix_spawnattr_init(&at);
    if (e != 0)
        goto fail;
    e = posix_spawn_file_actions_init(&fa);
    if (e == 0) {
        e = spawn_setup(rq, &at, &fa);
        if (e == 0)
            e = posix_spawn(&pid, rq->path, &fa, &at, rq->argv, rq->envp);
        posix_spawn_file_actions_destroy(&fa);
    }
    posix_spawnattr_destroy(&at);
fail:
    trace_spawn("posix_spawn()", e != 0 ? -1 : pid, e, rq, why);
    errno = e;
    return e != 0 ? -1 : pid;
}

/* ==== Teaching: set -o subreaper ==== */

int sys_subreaper(bool on)
{
    int r = prctl(PR_SET_CHILD_SUBREAPER, on ? 1UL : 0UL, 0UL, 0UL, 0UL);
    int err = errno;
    if (r == 0)
        sys_trace_note("prctl(PR_SET_CHILD_SUBREAPER, %d) = 0   # orphans below this shell %s",
                       on ? 1 : 0, on ? "now come to it, not to init" : "go to init again");
    errno = err;
    return r;
}
