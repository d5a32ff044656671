/*
 * bi_teach.c -- the teaching builtins: ptree (the shell and its
 * descendants), fds (a process's descriptor table), reap (wait for
 * finished children now, saying what each one left behind).
 *
 * Owns: reading /proc for ptree and fds, and their output formats.
 * Never: changes a process or a descriptor (ptree and fds only look);
 *        reap waits through sys_waitpid and records through jobs.c.
 *
 * Linux only: /proc/PID/stat, cmdline, fd/ and fdinfo/ are read as files.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "jobs.h"
#include "shell.h"
#include "sys.h"

/* ==== Reading /proc ==== */

/* One line of /proc/PID/stat (and the uid from status) that ptree shows. */
struct pinfo {
    long pid, ppid, pgid, sid, tpgid;
    long uid;                   /* effective uid, -1 if unreadable */
    unsigned long long start;   /* start time in clock ticks since boot */
    char state;                 /* R S D T t Z ... */
    char comm[64];
    char cmd[200];              /* the command line, spaces between arguments */
};

/* Read at most N-1 bytes of PATH into BUF (NUL-terminated).  -1 if unreadable. */
static ssize_t proc_read(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "re");
    if (f == NULL)
        return -1;
    size_t got = fread(buf, 1, n - 1, f);
    fclose(f);
    buf[got] = '\0';
    return (ssize_t)got;
}

/* The command line of PID with NULs made spaces; "[comm]" for a zombie or a kernel thread. */
static void proc_cmdline(struct pinfo *p)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/cmdline", p->pid);
    ssize_t n = proc_read(path, p->cmd, sizeof p->cmd);
    if (n <= 0) {
        snprintf(p->cmd, sizeof p->cmd, "[%s]%s", p->comm, p->state == 'Z' ? " <defunct>" : "");
        return;
    }
    for (ssize_t i = 0; i < n - 1; i++)
        if (p->cmd[i] == '\0')
            p->cmd[i] = ' ';
}

/* The effective uid of PID from the "Uid:" line of /proc/PID/status (real, effective, ...). */
static long proc_uid(long pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    const char *u = proc_read(path, buf, sizeof buf) > 0 ? strstr(buf, "\nUid:") : NULL;
    long real, eff;
    if (u == NULL || sscanf(u + 5, "%ld %ld", &real, &eff) != 2)
        return -1;
    return eff;
}

/* Fill P from /proc/PID/stat.  False if PID is gone. */
static bool proc_stat(long pid, struct pinfo *p)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    if (proc_read(path, buf, sizeof buf) <= 0)
        return false;
    /* "PID (COMM) S PPID PGRP SID TTY TPGID FLAGS ... STARTTIME(22nd)": COMM may
     * hold spaces and parentheses, so the last ')' ends it */
    char *open = strchr(buf, '('), *close = strrchr(buf, ')');
    if (open == NULL || close == NULL || close < open)
        return false;
    memset(p, 0, sizeof *p);
    p->pid = pid;
    snprintf(p->comm, sizeof p->comm, "%.*s", (int)(close - open - 1), open + 1);
    int tty;
    if (sscanf(close + 1, " %c %ld %ld %ld %d %ld", &p->state, &p->ppid, &p->pgid, &p->sid,
               &tty, &p->tpgid) != 6)
        return false;
    const char *f = close + 1;          /* field 3 (state) onwards: skip to field 22 */
    for (int field = 3; field < 22 && f != NULL; field++)
        f = strchr(f + 1, ' ');
    p->start = f != NULL ? strtoull(f + 1, NULL, 10) : 0;
    p->uid = proc_uid(pid);
    proc_cmdline(p);
    return true;
}

/* Every process in /proc (heap array, *N entries).  NULL if /proc is missing. */
static struct pinfo *proc_all(size_t *n)
{
    DIR *d = opendir("/proc");
    if (d == NULL)
        return NULL;
    size_t cap = 256;
    struct pinfo *all = xmalloc(cap * sizeof *all);
    struct dirent *e;
    *n = 0;
    while ((e = readdir(d)) != NULL) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end != '\0' || pid <= 0)
            continue;
        if (*n == cap)
            all = xrealloc(all, (cap *= 2) * sizeof *all);
        if (proc_stat(pid, &all[*n]))
            (*n)++;
    }
    closedir(d);
    return all;
}

/* The index of PID in ALL, or -1. */
static long proc_find(const struct pinfo *all, size_t n, long pid)
{
    for (size_t i = 0; i < n; i++)
        if (all[i].pid == pid)
            return (long)i;
    return -1;
}

/* Why PID is not among the processes read: gone, or this user may not read
 * it (/proc mounted with hidepid=noaccess shows the directory, not its files). */
static const char *proc_missing(long pid)
{
    char path[64], buf[16];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    if (proc_read(path, buf, sizeof buf) < 0 && (errno == EACCES || errno == EPERM))
        return "permission denied";
    return "no such process";
}

/* PID from "PID" or "%job" (a job's first process) for WHO (fds, maps).  -1 after an error. */
long teach_pid_arg(struct shell *sh, const char *who, const char *arg)
{
    if (arg[0] == '%') {
        bool ambiguous = false;
        struct job *j = job_find(&sh->jobs, arg, &ambiguous);
        if (j == NULL || j->nprocs == 0) {
            diag_error(who, "%s: no such job", arg);
            return -1;
        }
        return (long)j->procs[0].pid;
    }
    char *end;
    long pid = strtol(arg, &end, 10);
    if (*end != '\0' || end == arg || pid <= 0) {
        diag_error(who, "%s: not a pid or %%job", arg);
        return -1;
    }
    return pid;
}

/* ==== ptree ==== */

/* What ptree is drawing: the shell's family, its session, or everything. */
struct ptree_view {
    struct shell *sh;
    const struct pinfo *all;
    size_t n;
    long shell_sid;
    unsigned long long shell_start;
};

/* True if P is an orphan of this shell's session: in the session, started
 * after the shell, not its leader, and its parent is outside the session
 * (init, or a subreaper). */
static bool ptree_orphan(const struct ptree_view *v, const struct pinfo *p)
{
    if (p->sid != v->shell_sid || p->start < v->shell_start || p->pid == (long)v->sh->pid
        || p->pid == p->sid)
        return false;
    long parent = proc_find(v->all, v->n, p->ppid);
    return parent < 0 || v->all[parent].sid != v->shell_sid;
}

/* True if P is a child of the shell that the shell did not start: an orphan
 * the shell adopted as a subreaper. */
static bool ptree_adopted(const struct ptree_view *v, const struct pinfo *p)
{
    struct shell *sh = v->sh;
    return sh->opt.subreaper && p->ppid == (long)sh->pid && p->pid != (long)getpid()
           && job_by_pid(&sh->jobs, (pid_t)p->pid) == NULL;
}

/* What a row's last column says about it (in BUF, N bytes). */
static const char *ptree_mark(const struct ptree_view *v, const struct pinfo *p, char *buf,
                              size_t n)
{
    const struct shell *sh = v->sh;
    const char *what = "";
    if (p->state == 'Z')
        what = "zombie: exited, not yet waited for";
    else if (p->state == 'T' || p->state == 't')
        what = "stopped";
    else if (p->pid == (long)sh->pid)
        what = sh->opt.subreaper ? "this shell (subreaper)" : "this shell";
    else if (p->pid == (long)getpid())
        what = "ptree itself (a subshell)";
    else if (p->tpgid > 0 && p->pgid == p->tpgid)
        what = "foreground";
    char orphan[64] = "";
    if (ptree_adopted(v, p))
        snprintf(orphan, sizeof orphan, "orphan adopted by this shell (subreaper)");
    else if (ptree_orphan(v, p))
        snprintf(orphan, sizeof orphan, "orphan: its parent exited; adopted by %ld", p->ppid);
    if (what[0] == '\0' && orphan[0] == '\0')
        return "";
    snprintf(buf, n, "   <- %s%s%s", what, what[0] != '\0' && orphan[0] != '\0' ? "; " : "", orphan);
    return buf;
}

/* Print P and, indented below it, its children, depth first. */
static void ptree_print(const struct ptree_view *v, size_t i, int depth)
{
    const struct pinfo *p = &v->all[i];
    char uid[16], mark[160];
    snprintf(uid, sizeof uid, "%ld", p->uid);
    printf("%-7ld %-7ld %-7ld %-7ld %-7ld %-5s %c     %*s%s%s%s\n", p->pid, p->ppid, p->pgid,
           p->sid, p->tpgid, p->uid >= 0 ? uid : "?", p->state, depth * 2, "",
           depth > 0 ? "\\_ " : "", p->cmd, ptree_mark(v, p, mark, sizeof mark));
    for (size_t k = 0; k < v->n; k++)
        if (v->all[k].ppid == p->pid && k != i && depth < 64)
            ptree_print(v, k, depth + 1);
}

static void ptree_header(void)
{
    printf("%-7s %-7s %-7s %-7s %-7s %-5s %-5s %s\n", "PID", "PPID", "PGID", "SID", "TPGID",
           "UID", "STAT", "CMD");
}

/* Is P drawn at the top level?  FLAGS: 1 -a, 2 -s; ROOT: the operand's pid or -1. */
static bool ptree_top(const struct ptree_view *v, const struct pinfo *p, unsigned flags, long root)
{
    long parent = proc_find(v->all, v->n, p->ppid);
    if (flags & 1)              /* -a: the roots of the whole system */
        return parent < 0;
    if (flags & 2)              /* -s: the roots inside the shell's session */
        return p->sid == v->shell_sid && (parent < 0 || v->all[parent].sid != v->shell_sid);
    if (root >= 0)              /* ptree PID: that one */
        return p->pid == root;
    /* the shell, then the session's orphans */
    return p->pid == (long)v->sh->pid || ptree_orphan(v, p);
}

/*
 * ptree [-a | -s | PID | %job] -- a process tree from /proc.  Without an
 * operand: the shell and its descendants, then the orphans of its session
 * (processes whose parent exited: now below init or a subreaper).  -s: the
 * whole session, from each process whose parent is outside it.  -a: every
 * process, from each one whose parent is not listed (pid 1, kthreadd).
 */
int bi_ptree(struct shell *sh, int argc, char **argv)
{
    unsigned flags = 0;
    int first = bi_options(argc, argv, "as", &flags);
    if (first < 0 || argc - first > 1 || (flags != 0 && argc > first) || flags == 3) {
        if (first >= 0)
            diag_error("ptree", "usage: ptree [-a | -s | pid | %%job]");
        return 2;
    }
    long root = -1;
    if (argc > first && (root = teach_pid_arg(sh, "ptree", argv[first])) < 0)
        return 2;
    struct ptree_view v = {.sh = sh};
    struct pinfo *all = proc_all(&v.n);
    if (all == NULL) {
        diag_error("ptree", "/proc: %s", strerror(errno));
        return 1;
    }
    v.all = all;
    long self = proc_find(all, v.n, (long)sh->pid);
    v.shell_sid = self >= 0 ? all[self].sid : -1;
    v.shell_start = self >= 0 ? all[self].start : 0;
    if (root >= 0 && proc_find(all, v.n, root) < 0) {
        diag_error("ptree", "%s: %s", argv[first], proc_missing(root));
        free(all);
        return 1;
    }
    ptree_header();
    int status = 1;
    for (size_t i = 0; i < v.n; i++) {
        if (ptree_top(&v, &all[i], flags, argc > first ? root : -1)) {
            ptree_print(&v, i, 0);
            status = 0;
        }
    }
    free(all);
    return status;
}

/* ==== fds ==== */

/* "pipe", "socket", "tty" or "file" for a /proc/PID/fd link target. */
static const char *fd_kind(const char *target)
{
    if (strncmp(target, "pipe:", 5) == 0)
        return "pipe";
    if (strncmp(target, "socket:", 7) == 0)
        return "socket";
    if (strncmp(target, "/dev/pts/", 9) == 0 || strncmp(target, "/dev/tty", 8) == 0
        || strcmp(target, "/dev/console") == 0)
        return "tty";
    if (strncmp(target, "anon_inode:", 11) == 0)
        return "anon";
    return "file";
}

/* The open flags of PID's FD in words ("O_WRONLY|O_APPEND"); *CLOEXEC set. */
static void fd_flags(long pid, int fd, char *out, size_t n, bool *cloexec)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/fdinfo/%d", pid, fd);
    const char *f = proc_read(path, buf, sizeof buf) > 0 ? strstr(buf, "flags:") : NULL;
    if (f == NULL) {
        snprintf(out, n, "?");
        *cloexec = false;
        return;
    }
    long flags = strtol(f + 6, NULL, 8);    /* the kernel prints them in octal */
    int acc = (int)(flags & O_ACCMODE);
    snprintf(out, n, "%s%s%s", acc == O_RDONLY ? "O_RDONLY" : acc == O_WRONLY ? "O_WRONLY" : "O_RDWR",
             (flags & O_APPEND) ? "|O_APPEND" : "", (flags & O_NONBLOCK) ? "|O_NONBLOCK" : "");
    *cloexec = (flags & O_CLOEXEC) != 0;
}

/* True if the shell (pid SHELL) has a descriptor on the same TARGET. */
static bool shell_has(long shell, const char *target)
{
    char dir[64], link[320], got[256];
    snprintf(dir, sizeof dir, "/proc/%ld/fd", shell);
    DIR *d = opendir(dir);
    struct dirent *e;
    bool found = false;
    while (d != NULL && !found && (e = readdir(d)) != NULL) {
        snprintf(link, sizeof link, "%s/%s", dir, e->d_name);
        ssize_t len = readlink(link, got, sizeof got - 1);
        if (len > 0) {
            got[len] = '\0';
            found = strcmp(got, target) == 0 && strncmp(target, "/dev/", 5) != 0;
        }
    }
    if (d != NULL)
        closedir(d);
    return found;
}

/* One row of the table: fd, target, kind, flags, close-on-exec, a warning. */
static void fds_row(long pid, long shell, int fd, const char *target)
{
    char flags[64];
    bool cloexec;
    fd_flags(pid, fd, flags, sizeof flags, &cloexec);
    const char *warn = "";
    if (pid != shell && fd > 2 && shell_has(shell, target))
        warn = "   <- LEAKED? also open in the shell: inherited";
    else if (pid != shell && fd > 2)
        warn = "   <- not 0-2: opened by the program, or inherited";
    printf("%-4d %-28s %-7s %-20s %s%s\n", fd, target, fd_kind(target), flags,
           cloexec ? "yes" : "no", warn);
}

/* Print the descriptor table of PID (skipping SKIP, our own directory handle). */
static int fds_table(long pid, long shell)
{
    char dir[64], link[320], target[256];
    struct pinfo p;
    if (proc_stat(pid, &p) && p.state == 'Z') {
        /* its descriptor table is gone, and /proc/PID/fd may not be readable */
        printf("%-4s %-28s %-7s %-20s %s\n", "FD", "TARGET", "KIND", "FLAGS", "CLOEXEC");
        printf("(none: %ld is a zombie, and exit closed every descriptor it had)\n", pid);
        return 0;
    }
    snprintf(dir, sizeof dir, "/proc/%ld/fd", pid);
    DIR *d = opendir(dir);
    if (d == NULL) {
        bool denied = errno == EACCES || errno == EPERM;
        diag_error("fds", "%ld: %s", pid, denied ? "permission denied" : strerror(errno));
        return 1;
    }
    int skip = pid == (long)getpid() ? dirfd(d) : -1;
    int fds[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 256) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end == '\0' && end != e->d_name && fd != skip)
            fds[n++] = (int)fd;
    }
    for (size_t i = 1; i < n; i++)     /* /proc lists them unsorted: sort, small n */
        for (size_t k = i; k > 0 && fds[k - 1] > fds[k]; k--) {
            int t = fds[k];
            fds[k] = fds[k - 1];
            fds[k - 1] = t;
        }
    /* the directory may be listable while its links are not (another
     * user's process, or ptrace rules): say so once, not N empty rows */
    if (n > 0) {
        snprintf(link, sizeof link, "%s/%d", dir, fds[0]);
        if (readlink(link, target, sizeof target - 1) < 0 && (errno == EACCES || errno == EPERM)) {
            closedir(d);
            diag_error("fds", "%ld: permission denied", pid);
            return 1;
        }
    }
    printf("%-4s %-28s %-7s %-20s %s\n", "FD", "TARGET", "KIND", "FLAGS", "CLOEXEC");
    for (size_t i = 0; i < n; i++) {
        snprintf(link, sizeof link, "%s/%d", dir, fds[i]);
        ssize_t len = readlink(link, target, sizeof target - 1);
        target[len > 0 ? len : 0] = '\0';
        fds_row(pid, shell, fds[i], target);
    }
    closedir(d);
    return 0;
}

/* fds [PID|%job] -- a descriptor table like `lsof -p`, from /proc. */
int bi_fds(struct shell *sh, int argc, char **argv)
{
    long pid = (long)sh->pid;   /* the shell's, even from a pipeline stage (`fds | grep`) */
    if (argc > 2) {
        diag_error("fds", "usage: fds [pid|%%job]");
        return 2;
    }
    if (argc == 2 && (pid = teach_pid_arg(sh, "fds", argv[1])) < 0)
        return argv[1][0] == '%' ? 1 : 2;
    return fds_table(pid, (long)sh->pid);
}

/* ==== reap ==== */

/* "exited 3", "killed by SIGINT", "stopped by SIGTSTP"; ADOPTED: not started
 * by this shell (an orphan it adopted as a subreaper). */
static void reap_say(pid_t pid, int st, bool adopted)
{
    int sig = WIFSIGNALED(st) ? WTERMSIG(st) : WIFSTOPPED(st) ? WSTOPSIG(st) : 0;
    const char *name = sig != 0 ? sys_signal_name(sig) : NULL;
    const char *note = adopted ? " (an orphan this shell adopted)" : "";
    if (WIFEXITED(st))
        printf("reaped %ld: exited %d%s\n", (long)pid, WEXITSTATUS(st), note);
    else if (WIFSIGNALED(st))
        printf("reaped %ld: killed by SIG%s%s\n", (long)pid, name != NULL ? name : "?", note);
    else if (WIFSTOPPED(st))
        printf("%ld: stopped by SIG%s (not reaped: it can be continued)\n", (long)pid,
               name != NULL ? name : "?");
}

/*
 * reap [-w] -- collect every child that has finished, now: waitpid(-1, ...,
 * WNOHANG) until it returns 0.  -w: block in waitpid(-1, ..., 0) for the
 * first one instead, then collect the rest without blocking.
 */
int bi_reap(struct shell *sh, int argc, char **argv)
{
    unsigned flags = 0;
    int first = bi_options(argc, argv, "w", &flags);
    if (first < 0 || first < argc) {
        if (first >= 0)
            diag_error("reap", "usage: reap [-w]");
        return 2;
    }
    int st, count = 0;
    pid_t pid;
    int block = flags != 0 ? 0 : WNOHANG;
    while ((pid = sys_waitpid(-1, &st, block | WUNTRACED,
                              block == 0 ? "reap -w: block until a child changes state"
                                         : "reap builtin: collect a finished child")) > 0) {
        bool adopted = job_by_pid(&sh->jobs, pid) == NULL;
        reap_say(pid, st, adopted && sh->opt.subreaper);
        job_record(&sh->jobs, pid, st);
        count += WIFSTOPPED(st) ? 0 : 1;
        block = WNOHANG;
    }
    if (count == 0)
        printf("nothing to reap\n");
    return 0;
}
