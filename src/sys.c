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
#include <sys/stat.h>
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

/* When the vfork child made the calls being reported (NULL: now). */
static const struct timespec *child_when;

/*
 * BODY ("dup2(4, 1) = 1", "fork() = 0 (child)", "pipe() = [3, 4]",
 * "execve(...) ...", or a free note) split into an event for trace.c's
 * JSONL and pictures.  BODY is cut up in place.
 */
static void trace_event_of(char *body, const char *why, long pid, long ppid, const char *detail)
{
    struct trace_event ev = {.call = "note", .args = NULL, .has_result = false,
                             .result = 0, .err = NULL, .detail = body, .reason = why,
                             .pid = pid, .ppid = ppid, .when = child_when};
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
    if (detail != NULL)
        ev.detail = detail;
    trace_record(&ev);
}

/*
 * The one place a trace line is built and written: "minish[PID]: " + the
 * formatted text + "   # WHY".  write(2), not stdio, so that the line goes
 * out at once (before a fork or exec) and errno survives for the caller.
 * The same event goes to trace.c for the JSONL file and the pictures.
 */
static void trace_vline(long pid, long ppid, bool quiet, const char *detail, const char *why,
                        const char *fmt, va_list ap)
{
    int saved_errno = errno;
    struct line l = {.len = 0};
    line_add(&l, "minish[%ld]: ", pid);
    size_t body = l.len;
    line_vadd(&l, fmt, ap);
    char copy[sizeof l.buf];
    memcpy(copy, l.buf + body, l.len - body + 1);
    if (why != NULL)
        line_add(&l, "   # %s", why);
    if (l.len >= sizeof l.buf - 1)
        l.len = sizeof l.buf - 2;       /* keep room for the newline */
    l.buf[l.len++] = '\n';
    if (trace_fd >= 0 && !quiet)
        (void)sys_write_all(trace_fd, l.buf, l.len);
    trace_event_of(copy, why, pid, ppid, detail);
    errno = saved_errno;
}

static void trace_line(const char *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void trace_line(const char *why, const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    va_list ap;
    va_start(ap, fmt);
    trace_vline((long)getpid(), (long)getppid(), false, NULL, why, fmt, ap);
    va_end(ap);
}

/* A line for a call another process made: the vfork or posix_spawn child
 * PID, whose calls the parent reports once it runs again. */
static void trace_line_of(long pid, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void trace_line_of(long pid, const char *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    trace_vline(pid, (long)getpid(), false, NULL, why, fmt, ap);
    va_end(ap);
}

static void trace_pipe_line(const char *detail, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void trace_pipe_line(const char *detail, const char *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    trace_vline((long)getpid(), (long)getppid(), false, detail, why, fmt, ap);
    va_end(ap);
}

/* An event for the JSONL file and the pictures only, not the text
 * narration (a WNOHANG poll that found nothing: the shell makes one before
 * every prompt, and the narration would drown in them). */
static void trace_quiet(const char *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void trace_quiet(const char *why, const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    va_list ap;
    va_start(ap, fmt);
    trace_vline((long)getpid(), (long)getppid(), true, NULL, why, fmt, ap);
    va_end(ap);
}

/* "CALL = R", or "CALL = -1 EBADF (Bad file descriptor)"; CALL is formatted from FMT
 * only when something is traced (these run for every descriptor move). */
static void trace_ret(long r, int err, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void trace_ret(long r, int err, const char *why, const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    char call[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(call, sizeof call, fmt, ap);
    va_end(ap);
    if (r >= 0)
        trace_line(why, "%s = %ld", call, r);
    else
        trace_line(why, "%s = -1 %s (%s)", call, errno_name(err), strerror(err));
}

void sys_trace_note(const char *fmt, ...)
{
    if (!sys_tracing())
        return;
    va_list ap;
    va_start(ap, fmt);
    trace_vline((long)getpid(), (long)getppid(), false, NULL, NULL, fmt, ap);   /* trace_line, no why */
    va_end(ap);
}

/* "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC" for open's trace line, as strace
 * spells the flags the kernel got. */
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
    if (flags & O_NONBLOCK)
        line_add(l, "|O_NONBLOCK");
    if (flags & O_NOCTTY)
        line_add(l, "|O_NOCTTY");
    if (flags & O_CLOEXEC)
        line_add(l, "|O_CLOEXEC");
}

/* "WNOHANG|WUNTRACED" for wait4's trace line ("0": none). */
static void wait_options_text(struct line *l, int options)
{
    static const struct { int bit; const char *name; } opts[] = {
        {WNOHANG, "WNOHANG"}, {WUNTRACED, "WUNTRACED"}, {WCONTINUED, "WCONTINUED"},
    };
    size_t start = l->len;
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (options & opts[i].bit)
            line_add(l, "%s%s", l->len > start ? "|" : "", opts[i].name);
    if (l->len == start)
        line_add(l, "0");
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
    if (sys_tracing())  /* step mode pauses before the fork */
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
    if (sys_tracing())
        trace_step("execve a new program in this process", (long)getpid());
    trace_exec_in_place();
    int r = execve(path, argv, envp);
    int err = errno;
    trace_ret(r, err, NULL, "execve(\"%s\")", path);
    errno = err;
    return r;
}

pid_t sys_waitpid(pid_t pid, int *status, int options, const char *why)
{
    return sys_waitpid_unless(pid, status, options, NULL, why);
}

pid_t sys_waitpid_unless(pid_t pid, int *status, int options, volatile sig_atomic_t *stop,
                         const char *why)
{
    pid_t r = -1;
    bool called = false;
    if (!(options & WNOHANG))
        trace_step_wait(why != NULL ? why : "wait for a child");
    errno = EINTR;
    while (stop == NULL || !*stop) {
        called = true;
        r = waitpid(pid, status, options);
        if (r >= 0 || errno != EINTR)
            break;
    }
    int err = errno;
    if (!called || !sys_tracing())      /* never narrate a call not made */
        return r;
    /* glibc's waitpid is the kernel's wait4(pid, &status, options, NULL) */
    struct line l = {.len = 0};
    line_add(&l, "wait4(%ld, ", (long)pid);
    wait_options_text(&l, options);
    line_add(&l, ")");
    if ((options & WNOHANG) && (r == 0 || (r < 0 && err == ECHILD))) {
        /* a poll that found nothing: in the JSONL file, not the narration */
        if (r == 0)
            trace_quiet(why, "%s = 0", l.buf);
        else
            trace_quiet(why, "%s = -1 ECHILD (%s)", l.buf, strerror(err));
        errno = err;
        return r;
    }
    if (r > 0) {
        line_add(&l, " = %ld ", (long)r);
        status_text(&l, *status);
        line_add(&l, " [wstatus 0x%04x]", (unsigned)*status & 0xffffu);
        trace_line(why, "%s", l.buf);
    } else {
        trace_ret(r, err, why, "%s", l.buf);
    }
    errno = err;
    return r;
}

int sys_kill(pid_t pid, int sig, const char *why)
{
    int r = kill(pid, sig);
    int err = errno;
    const char *name = sys_signal_name(sig);
    if (name != NULL)
        trace_ret(r, err, why, "kill(%ld, SIG%s)", (long)pid, name);
    else
        trace_ret(r, err, why, "kill(%ld, %d)", (long)pid, sig);
    errno = err;
    return r;
}

int sys_setpgid(pid_t pid, pid_t pgid, const char *why)
{
    int r = setpgid(pid, pgid);
    int err = errno;
    trace_ret(r, err, why, "setpgid(%ld, %ld)", (long)pid, (long)pgid);
    errno = err;
    return r;
}

int sys_tcsetpgrp(int fd, pid_t pgid, const char *why)
{
    int r = tcsetpgrp(fd, pgid);
    int err = errno;
    trace_ret(r, err, why, "tcsetpgrp(%d, %ld)", fd, (long)pgid);
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

int sys_cloexec(int fd, bool on, const char *why)
{
    /* FD_CLOEXEC is the only descriptor flag: one F_SETFD sets it all */
    int r = fcntl(fd, F_SETFD, on ? FD_CLOEXEC : 0);
    int err = errno;
    trace_ret(r, err, why, "fcntl(%d, F_SETFD, %s)", fd, on ? "FD_CLOEXEC" : "0");
    errno = err;
    return r;
}

/* The pipe's line; its event names the pipe as /proc/PID/fd does,
 * "pipe:[INODE]" (an fstat of the trace's own, for the pictures). */
static void trace_pipe(const int fds[2], const char *why)
{
    struct stat st;
    char name[48] = "";
    if (fstat(fds[0], &st) == 0)
        snprintf(name, sizeof name, "pipe:[%lu]", (unsigned long)st.st_ino);
    trace_pipe_line(name[0] != '\0' ? name : NULL, why, "pipe2([%d, %d], O_CLOEXEC) = 0",
                    fds[0], fds[1]);
}

/* pipe2 is in POSIX.1-2024; glibc shows it only under _GNU_SOURCE. */
extern int pipe2(int fds[2], int flags);

int sys_pipe(int fds[2], const char *why)
{
    /* close-on-exec from the start: the shell's own pipe ends must not
     * leak into unrelated children (pipe2 is in POSIX.1-2024) */
    int r = pipe2(fds, O_CLOEXEC);
    int err = errno;
    if (r < 0)
        trace_ret(r, err, why, "pipe2([?, ?], O_CLOEXEC)");
    else if (sys_tracing())
        trace_pipe(fds, why);
    errno = err;
    return r;
}

int sys_dup2(int from, int to, const char *why)
{
    int r;
    do  /* Linux: EBUSY when racing an open() of the same number */
        r = dup2(from, to);
    while (r < 0 && (errno == EINTR || errno == EBUSY));
    int err = errno;
    trace_ret(r, err, why, "dup2(%d, %d)", from, to);
    errno = err;
    return r;
}

int sys_dup_above(int fd, int min, const char *why)
{
    int r = fcntl(fd, F_DUPFD_CLOEXEC, min);
    int err = errno;
    trace_ret(r, err, why, "fcntl(%d, F_DUPFD_CLOEXEC, %d)", fd, min);
    errno = err;
    return r;
}

int sys_close(int fd, const char *why)
{
    /* never retried on EINTR: Linux has closed FD already, and a retry
     * could close a descriptor another open() just reused */
    int r = close(fd);
    int err = errno;
    trace_ret(r, err, why, "close(%d)", fd);
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
        flags_text(&l, flags | O_CLOEXEC);
        if (flags & O_CREAT)
            line_add(&l, ", 0%03o", (unsigned)mode);
        line_add(&l, ")");
        trace_ret(r, err, why, "%s", l.buf);
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

/*
 * What a vfork child did, recorded by the child in the parent's memory
 * (which it shares) and narrated by the parent once it runs again, under
 * the child's pid: the child itself may not write (no stdio, no locks).
 * One result and errno per call, in the order the child made them.
 */
struct child_log {
    long pgid;                  /* setpgid(0, PGID) made, or -1 */
    int pgid_r, pgid_err;
    int tty_r, tty_err;         /* tcsetpgrp(), if made */
    bool tty;
    int move_r[SYS_SPAWN_MAX_MOVES + 1], move_err[SYS_SPAWN_MAX_MOVES + 1];
    size_t nmoves;              /* moves made (the last one may have failed) */
    int exec_err;               /* 0: execve succeeded (the parent resumed) */
    /* when tracing, the child's clock at each call, so that its events
     * carry its own time rather than the parent's, who writes them later */
    bool stamp;
    struct timespec t_start, t_pgid, t_tty, t_move[SYS_SPAWN_MAX_MOVES + 1], t_exec;
};

/* In the vfork child: the time now into T, if the trace wants it. */
static void child_stamp(volatile struct child_log *log, volatile struct timespec *t)
{
    struct timespec now;
    if (!log->stamp || clock_gettime(CLOCK_REALTIME, &now) < 0)
        return;
    t->tv_sec = now.tv_sec;
    t->tv_nsec = now.tv_nsec;
}

static void trace_child_ret(long pid, long r, int err, const char *why, const char *call)
{
    if (r >= 0)
        trace_line_of(pid, why, "%s = %ld", call, r);
    else
        trace_line_of(pid, why, "%s = -1 %s (%s)", call, errno_name(err), strerror(err));
}

/* The events that follow happened at T in the vfork child (if LOG has times). */
static void child_at(const struct child_log *log, const struct timespec *t)
{
    child_when = log->stamp ? t : NULL;
}

/* The child's moves, EXEC and its result, as narrated from its LOG. */
static void trace_child_moves(long pid, const struct sys_spawn_req *rq,
                              const struct child_log *log, const char *why)
{
    char call[64];
    for (size_t i = 0; i < log->nmoves; i++) {
        int from = rq->moves[i][0], to = rq->moves[i][1];
        if (from < 0)
            snprintf(call, sizeof call, "close(%d)", to);
        else
            snprintf(call, sizeof call, "dup2(%d, %d)", from, to);
        child_at(log, &log->t_move[i]);
        trace_child_ret(pid, log->move_r[i], log->move_err[i], why, call);
    }
}

/* "execve("/bin/ls", ["ls", "-l"]) = 0" or "= -1 ENOENT (...)" in PID. */
static void trace_child_exec(long pid, const struct sys_spawn_req *rq, int err)
{
    struct line l = {.len = 0};
    line_add(&l, "execve(\"%s\", [", rq->path);
    for (size_t i = 0; rq->argv[i] != NULL; i++)
        line_add(&l, "%s\"%s\"", i ? ", " : "", rq->argv[i]);
    line_add(&l, "])");
    if (err == 0)
        trace_line_of(pid, "a new program replaces the child: same pid, same fds",
                      "%s = 0", l.buf);
    else
        trace_child_ret(pid, -1, err, "the child _exit()s: the shell starts over with fork",
                        l.buf);
}

static void trace_vfork(pid_t pid, int err, const struct sys_spawn_req *rq,
                        const struct child_log *log, const char *why)
{
    if (!sys_tracing())
        return;
    trace_ret(pid, err, why, "vfork()");
    if (pid <= 0)
        return;
    child_at(log, &log->t_start);
    trace_line_of(pid, "the vfork child: the parent is suspended until the child execs "
                  "or exits, and reports the child's calls for it", "vfork() = 0 (child)");
    char call[64];
    if (log->pgid >= 0) {
        snprintf(call, sizeof call, "setpgid(0, %ld)", log->pgid);
        child_at(log, &log->t_pgid);
        trace_child_ret(pid, log->pgid_r, log->pgid_err, "before exec, so the job's group exists",
                        call);
    }
    if (log->tty) {
        snprintf(call, sizeof call, "tcsetpgrp(%d, %ld)", rq->tty_fd, log->pgid);
        child_at(log, &log->t_tty);
        trace_child_ret(pid, log->tty_r, log->tty_err, "the job gets the terminal", call);
    }
    trace_child_moves(pid, rq, log, "in the vfork child");
    if (log->nmoves == rq->nmoves) {
        child_at(log, &log->t_exec);
        trace_child_exec(pid, rq, log->exec_err);
    } else {
        trace_line_of(pid, "a move failed: the child _exit()s and the shell starts over "
                      "with fork", "_exit(127)");
    }
    child_when = NULL;      /* the parent's own events again */
}

/* In the child, before exec: the descriptor moves, each result in LOG.
 * Only async-signal-safe calls.  0, or the errno of the failed call. */
static int spawn_moves(const struct sys_spawn_req *rq, volatile struct child_log *log)
{
    for (size_t i = 0; i < rq->nmoves; i++) {
        int from = rq->moves[i][0], to = rq->moves[i][1];
        int r = from < 0 ? close(to) : dup2(from, to);
        log->move_r[i] = r;
        log->move_err[i] = r < 0 ? errno : 0;
        child_stamp(log, &log->t_move[i]);
        log->nmoves = i + 1;
        if (r < 0 && !(from < 0 && log->move_err[i] == EBADF))
            return log->move_err[i];
    }
    return 0;
}

/*
 * The vfork child shares our memory and stack until it execs or exits, and
 * we are suspended meanwhile.  So it only makes system calls (no stdio, no
 * malloc: their state is ours), reports what it did through the volatile
 * LOG in this frame, and leaves with _exit, never by returning.
 * The caller has blocked every signal (it must anyway, until the child is
 * in the job table): a handler running in the child could set the
 * parent's flags, so child_signals resets the dispositions whose handler
 * would do harm there and only then unblocks (signals_exec).
 */
pid_t sys_vfork_exec(const struct sys_spawn_req *rq, const char *why)
{
    volatile struct child_log log;
    if (rq->nmoves > SYS_SPAWN_MAX_MOVES) {
        errno = E2BIG;
        return -1;
    }
    memset((void *)&log, 0, sizeof log);
    log.pgid = -1;
    log.exec_err = 0;
    log.stamp = sys_tracing();  /* no clock reading when nobody looks */
    pid_t pid = vfork();
    if (pid == 0) {
        child_stamp(&log, &log.t_start);
        if (rq->pgid >= 0) {
            pid_t pgid = rq->pgid > 0 ? rq->pgid : getpid();
            log.pgid = pgid;
            log.pgid_r = setpgid(0, pgid);      /* before exec, so the job's group exists */
            log.pgid_err = errno;
            child_stamp(&log, &log.t_pgid);
            if (rq->tty_fd >= 0) {
                log.tty = true;
                log.tty_r = tcsetpgrp(rq->tty_fd, pgid);    /* SIGTTOU is blocked: allowed */
                log.tty_err = errno;
                child_stamp(&log, &log.t_tty);
            }
        }
        rq->child_signals(rq->ctx);
        int e = spawn_moves(rq, &log);
        if (e == 0) {
            child_stamp(&log, &log.t_exec);
            execve(rq->path, rq->argv, rq->envp);
            e = errno;
        }
        log.exec_err = e;
        _exit(127);
    }
    int err = pid < 0 ? errno : log.exec_err;
    struct child_log copy;
    memcpy(&copy, (const void *)&log, sizeof copy);
    trace_vfork(pid, pid < 0 ? err : 0, rq, &copy, why);
    if (pid > 0 && err != 0) {
        int st;
        pid_t r;
        while ((r = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
            continue;       /* reap the failed child: the caller starts over */
        if (sys_tracing() && r > 0)
            trace_line("reap the child that could not exec", "wait4(%ld, 0) = %ld exited %d "
                       "[wstatus 0x%04x]", (long)pid, (long)r, WEXITSTATUS(st),
                       (unsigned)st & 0xffffu);
    }
    errno = err;
    return err != 0 ? -1 : pid;
}

/*
 * posix_spawn: glibc makes the child with clone3(CLONE_VM|CLONE_VFORK) (the
 * parent is suspended as with vfork), and the child carries out the
 * attributes and file actions, then execve.  The shell sees only the
 * outcome: on success every action succeeded; on failure, one of them (or
 * the execve) failed with the error posix_spawn returns, and the shell
 * cannot see which.
 */
static void trace_posix_spawn(pid_t pid, const struct sys_spawn_req *rq, const char *why)
{
    if (!sys_tracing())
        return;
    trace_line(why, "clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}) = %ld",
               (long)pid);
    trace_line_of(pid, "posix_spawn's child: the parent is suspended until it execs or exits; "
                  "these are its attributes and file actions, as the shell asked for them",
                  "clone3() = 0 (child)");
    char call[64];
    if (rq->pgid >= 0) {
        snprintf(call, sizeof call, "setpgid(0, %ld)", (long)(rq->pgid > 0 ? rq->pgid : 0));
        trace_child_ret(pid, 0, 0, "POSIX_SPAWN_SETPGROUP", call);
    }
    struct child_log log = {.nmoves = rq->nmoves, .stamp = false};
    for (size_t i = 0; i < rq->nmoves; i++)
        log.move_r[i] = rq->moves[i][0] < 0 ? 0 : rq->moves[i][1];
    trace_child_moves(pid, rq, &log, "a file action of posix_spawn");
    trace_child_exec(pid, rq, 0);
}

/* posix_spawn failed with ERR: glibc's child failed at one of its actions
 * or at execve and _exit()ed, and glibc reaped it; the shell is not told
 * the child's pid, nor which step failed. */
static void trace_posix_spawn_failed(int err, const struct sys_spawn_req *rq, const char *why)
{
    if (!sys_tracing())
        return;
    trace_line(why, "clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}) = ?");
    trace_line("posix_spawn's child failed at an action or at execve (the shell cannot "
               "see which, nor the child's pid); posix_spawn reaped it",
               "posix_spawn(\"%s\") = %d %s (%s)", rq->path, err, errno_name(err), strerror(err));
    sys_trace_note("the shell starts over with fork");
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
    if (e == 0)
        trace_posix_spawn(pid, rq, why);
    else
        trace_posix_spawn_failed(e, rq, why);
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
