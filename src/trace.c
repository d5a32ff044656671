/*
 * trace.c -- the machine-readable side of the teaching trace: JSON Lines
 * (--trace-file), a Graphviz picture per top-level command (--trace-dot),
 * and step mode's pauses and turns.  Each event and command is also handed to
 * trace_html.c, which keeps the --trace-html page.
 *
 * Owns: the JSONL schema (docs/trace-format.md), the DOT drawing, the
 *       numbering of top-level commands, and the private files these write.
 * Never: narrates in words (sys.c does), or makes a process call.  Its own
 *        files, and step mode's terminal and turn pipes, are used here
 *        directly, not through sys.c: they are the tracer's, not the
 *        shell's, and narrating them would recurse.
 *
 * How the picture is made: every process (the shell, and each child
 * between fork and exec) appends one tab-separated line per event to an
 * unlinked log file that all of them share through fork.  When the
 * top-level command ends, the shell reads its part of the log back and
 * replays it: each fork copies the parent's descriptor table to the child,
 * pipe/dup2/close change it, and at exec (or exit) fds 0 and 1 that point
 * at a pipe end become the ends of a pipe edge.
 */
#include "trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "trace_html.h"

static int jsonl_fd = -1;       /* --trace-file */
static int log_fd = -1;         /* the shared event log behind --trace-dot */
static int dot_fd = -1;         /* --trace-dot without %d: all digraphs */
static bool drawn;              /* this command's picture is drawn (exec in place) */
static char *dot_path;          /* --trace-dot with %d: a template */
static int depth;               /* trace_command_begin calls in progress */
static int command_no;          /* the current top-level command, 1, 2, ... */
static char command_text[256];  /* and its text */
static off_t log_start;         /* where its events start in the log */
static long shell_pid;          /* the process that began it */
static int step_tty = -1;

/* ==== Small output helpers ==== */

/* A bounded buffer: text past the end is dropped, never overflows. */
struct tbuf {
    char buf[8192];         /* room for a 1024-byte call with every byte escaped */
    size_t len;
};

static void tb_add(struct tbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void tb_add(struct tbuf *b, const char *fmt, ...)
{
    size_t room = sizeof b->buf - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->buf + b->len, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        b->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* S as a JSON string ("null" for NULL). */
static void tb_json(struct tbuf *b, const char *s)
{
    if (s == NULL) {
        tb_add(b, "null");
        return;
    }
    tb_add(b, "\"");
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            tb_add(b, "\\%c", c);
        else if (c < 0x20)
            tb_add(b, "\\u%04x", c);
        else
            tb_add(b, "%c", c);
    }
    tb_add(b, "\"");
}

/* One write(2) per line: with O_APPEND, lines of different processes
 * never interleave inside each other. */
static void write_line(int fd, struct tbuf *b)
{
    if (b->len >= sizeof b->buf - 1)
        b->len = sizeof b->buf - 2;
    b->buf[b->len++] = '\n';
    const char *p = b->buf;
    size_t n = b->len;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;     /* a trace that cannot be written is dropped, never fatal */
        p += w;
        n -= (size_t)w;
    }
}

/* A private close-on-exec copy of FD numbered 10 or above; FD is closed. */
static int move_high(int fd)
{
    if (fd < 0)
        return -1;
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    int err = errno;
    close(fd);
    errno = err;
    return high;
}

/* ==== Sinks ==== */

int trace_jsonl_open(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    jsonl_fd = move_high(fd);
    return jsonl_fd < 0 ? -1 : 0;
}

/* The shared event log: a temporary file, unlinked at once. */
static int log_open(void)
{
    const char *dir = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/minish-trace-XXXXXX", dir != NULL && *dir ? dir : "/tmp");
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    unlink(tmpl);
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_APPEND) < 0) {
        close(fd);
        return -1;
    }
    log_fd = move_high(fd);
    return log_fd < 0 ? -1 : 0;
}

int trace_dot_open(const char *path)
{
    if (log_open() < 0)
        return -1;
    if (strstr(path, "%d") != NULL) {
        /* fixed now: a later `cd` must not move where the pictures go */
        char cwd[4096];
        size_t n = strlen(path) + 2;
        bool rel = path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL;
        if (rel)
            n += strlen(cwd);
        dot_path = malloc(n);
        if (dot_path == NULL)
            return -1;
        snprintf(dot_path, n, "%s%s%s", rel ? cwd : "", rel ? "/" : "", path);
        return 0;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    dot_fd = move_high(fd);
    return dot_fd < 0 ? -1 : 0;
}

bool trace_active(void)
{
    /* step mode too: its pauses quote the callers' WHY strings */
    return jsonl_fd >= 0 || log_fd >= 0 || step_tty >= 0 || trace_html_recording();
}

/* ==== Recording ==== */

static void record_jsonl(const struct trace_event *ev)
{
    struct timespec ts;
    if (ev->when != NULL)
        ts = *ev->when;
    else
        clock_gettime(CLOCK_REALTIME, &ts);
    struct tbuf b = {.len = 0};
    tb_add(&b, "{\"time\":%lld.%06ld,\"pid\":%ld,\"ppid\":%ld,\"call\":",
           (long long)ts.tv_sec, ts.tv_nsec / 1000, ev->pid, ev->ppid);
    tb_json(&b, ev->call);
    tb_add(&b, ",\"args\":");
    tb_json(&b, ev->args);
    if (ev->has_result)
        tb_add(&b, ",\"result\":%ld", ev->result);
    else
        tb_add(&b, ",\"result\":null");
    tb_add(&b, ",\"errno\":");
    tb_json(&b, ev->err);
    tb_add(&b, ",\"detail\":");
    tb_json(&b, ev->detail);
    tb_add(&b, ",\"reason\":");
    tb_json(&b, ev->reason);
    if (command_no > 0)
        tb_add(&b, ",\"job\":%d,\"node\":", command_no);
    else
        tb_add(&b, ",\"job\":null,\"node\":");
    tb_json(&b, command_no > 0 ? command_text : NULL);
    tb_add(&b, "}");
    write_line(jsonl_fd, &b);
}

/* S with tabs and newlines made spaces, for the tab-separated log. */
static void tb_field(struct tbuf *b, const char *s)
{
    tb_add(b, "\t");
    for (; s != NULL && *s != '\0'; s++)
        tb_add(b, "%c", (*s == '\t' || *s == '\n') ? ' ' : *s);
}

static void record_log(const struct trace_event *ev)
{
    struct tbuf b = {.len = 0};
    tb_add(&b, "%ld\t%ld", ev->pid, ev->ppid);
    tb_field(&b, ev->call);
    tb_field(&b, ev->args);
    tb_add(&b, "\t");
    if (ev->has_result)
        tb_add(&b, "%ld", ev->result);
    tb_field(&b, ev->detail);
    tb_field(&b, ev->reason);
    write_line(log_fd, &b);
}

void trace_record(const struct trace_event *ev)
{
    if (jsonl_fd >= 0)
        record_jsonl(ev);
    if (log_fd >= 0 && depth > 0)
        record_log(ev);
    trace_html_record(ev, command_no, command_text);   /* --trace-html */
}

/* ==== The picture ==== */

/*
 * Each command's picture: its processes as boxes, and what their
 * descriptors point to as nodes of their own -- each pipe (labelled by its
 * identity, pipe:[inode]), each file, and what the shell itself had -- with
 * one labelled edge per descriptor a process ran with (fds 0-2, and any
 * other that survived its exec).  So `ls >f 2>&1` and `ls 2>&1 >f` differ:
 * in the first both fd 1 and fd 2 lead to f, in the second fd 2 leads to
 * what the shell's fd 1 was.
 */
enum { MAX_EVENTS = 4096, MAX_PROCS = 128, MAX_OBJS = 96, MAX_FD = 64, MAX_EDGES = 512 };

struct ev {                     /* one parsed log line */
    long pid, ppid, result;
    bool has_result;
    char *call, *args, *detail, *reason;
};

enum obj_kind { OBJ_SHELL, OBJ_PIPE, OBJ_FILE };

struct obj {                    /* what a descriptor points to */
    enum obj_kind kind;
    int fd;                     /* OBJ_SHELL: the shell's own fd N at the start */
    const char *name;           /* OBJ_PIPE: "pipe:[inode]"; OBJ_FILE: the path */
};

struct slot {                   /* one descriptor of one process */
    int obj;                    /* index, -1: closed */
    bool write;                 /* opened for writing (a pipe's write end) */
    bool cloexec;
};

struct proc {
    long pid, ppid;
    const char *label;          /* argv at exec, else the fork's reason */
    const char *status;         /* "exited 0", from the parent's wait4 */
    const char *how;            /* "fork", "vfork", "clone3"; NULL: an earlier job */
    const char *signal;         /* "kill SIGCONT": what the shell did to an earlier job */
};

struct edge {
    long pid;
    int fd, obj;
    bool write;
};

struct picture {
    struct ev *evs;
    size_t nevs;
    struct proc procs[MAX_PROCS];
    size_t nprocs;
    struct obj objs[MAX_OBJS];
    size_t nobjs;
    struct edge edges[MAX_EDGES];
    size_t nedges;
};

/* Split one log line in place into E.  False if it is malformed. */
static bool parse_ev(char *line, struct ev *e)
{
    char *f[7];
    for (int i = 0; i < 7; i++) {
        f[i] = line;
        char *tab = i < 6 ? strchr(line, '\t') : NULL;
        if (i < 6 && tab == NULL)
            return false;
        if (tab != NULL) {
            *tab = '\0';
            line = tab + 1;
        }
    }
    e->pid = strtol(f[0], NULL, 10);
    e->ppid = strtol(f[1], NULL, 10);
    e->call = f[2];
    e->args = f[3];
    e->has_result = f[4][0] != '\0';
    e->result = strtol(f[4], NULL, 10);
    e->detail = f[5];
    e->reason = f[6];
    return true;
}

/* The log from log_start to its end, split into events (heap). */
static char *load_events(struct picture *p)
{
    off_t end = lseek(log_fd, 0, SEEK_END);
    if (end <= log_start)
        return NULL;
    size_t size = (size_t)(end - log_start);
    char *text = malloc(size + 1);
    p->evs = calloc(MAX_EVENTS, sizeof *p->evs);
    if (text == NULL || p->evs == NULL || pread(log_fd, text, size, log_start) != (ssize_t)size) {
        free(text);
        free(p->evs);
        p->evs = NULL;
        return NULL;
    }
    text[size] = '\0';
    for (char *line = text; *line != '\0' && p->nevs < MAX_EVENTS;) {
        char *nl = strchr(line, '\n');
        if (nl == NULL)
            break;
        *nl = '\0';
        if (parse_ev(line, &p->evs[p->nevs]))
            p->nevs++;
        line = nl + 1;
    }
    return text;
}

static struct proc *proc_get(struct picture *p, long pid)
{
    for (size_t i = 0; i < p->nprocs; i++)
        if (p->procs[i].pid == pid)
            return &p->procs[i];
    if (p->nprocs == MAX_PROCS)
        return NULL;
    struct proc *pr = &p->procs[p->nprocs++];
    memset(pr, 0, sizeof *pr);
    pr->pid = pid;
    return pr;
}

/* The object of KIND named NAME (or the shell's fd FD): found or added. */
static int obj_get(struct picture *p, enum obj_kind kind, const char *name, int fd)
{
    for (size_t i = 0; i < p->nobjs; i++) {
        const struct obj *o = &p->objs[i];
        if (o->kind == kind && (kind == OBJ_SHELL ? o->fd == fd : strcmp(o->name, name) == 0))
            return (int)i;
    }
    if (p->nobjs == MAX_OBJS)
        return -1;
    p->objs[p->nobjs] = (struct obj){kind, fd, name};
    return (int)p->nobjs++;
}

/* At exec (or at the end, for a child that never execs): an edge for each
 * descriptor PID runs with -- 0-2, and any other not closed on exec. */
static void snapshot(struct picture *p, long pid, const struct slot *fds, bool execd)
{
    for (int fd = 0; fd < MAX_FD && p->nedges < MAX_EDGES; fd++) {
        if (fds[fd].obj < 0 || (fd > 2 && (!execd || fds[fd].cloexec)))
            continue;
        p->edges[p->nedges++] = (struct edge){pid, fd, fds[fd].obj, fds[fd].write};
    }
}

/* "3, 4" or "[3, 4]": the first two numbers of S. */
static bool two_numbers(const char *s, long *a, long *b)
{
    while (*s != '\0' && (*s < '0' || *s > '9') && *s != '-')
        s++;
    char *end;
    *a = strtol(s, &end, 10);
    if (end == s || *end != ',')
        return false;
    *b = strtol(end + 1, NULL, 10);
    return true;
}

/* The path in `"f", O_WRONLY|...` (cut in place). */
static const char *open_path(char *args)
{
    if (args[0] != '"')
        return NULL;
    char *q = strchr(args + 1, '"');
    if (q != NULL)
        *q = '\0';
    return args + 1;
}

static void replay(struct picture *p, long pid, struct slot *fds);

/* One descriptor event of PID applied to its table FDS. */
static void replay_fd_event(struct picture *p, const struct ev *e, struct slot *fds)
{
    long a, b;
    bool ok = e->has_result && e->result >= 0;
    if (strcmp(e->call, "pipe2") == 0 && ok && two_numbers(e->args, &a, &b)
        && a >= 0 && a < MAX_FD && b >= 0 && b < MAX_FD) {
        const char *name = e->detail != NULL && *e->detail != '\0' ? e->detail : e->args;
        int o = obj_get(p, OBJ_PIPE, name, -1);
        fds[a] = (struct slot){o, false, true};
        fds[b] = (struct slot){o, true, true};
    } else if (strcmp(e->call, "open") == 0 && ok && e->result < MAX_FD) {
        bool write = strstr(e->args, "O_WRONLY") != NULL || strstr(e->args, "O_RDWR") != NULL;
        const char *path = open_path(e->args);
        if (path != NULL)
            fds[e->result] = (struct slot){obj_get(p, OBJ_FILE, path, -1), write, true};
    } else if (strcmp(e->call, "close") == 0 && e->result == 0) {
        a = strtol(e->args, NULL, 10);
        if (a >= 0 && a < MAX_FD)
            fds[a].obj = -1;
    } else if (strcmp(e->call, "dup2") == 0 && ok && two_numbers(e->args, &a, &b)) {
        if (a >= 0 && a < MAX_FD && b >= 0 && b < MAX_FD && a != b) {
            fds[b] = fds[a];
            fds[b].cloexec = false;
        }
    } else if (strcmp(e->call, "fcntl") == 0 && ok && strstr(e->args, "DUPFD") != NULL) {
        a = strtol(e->args, NULL, 10);
        if (a >= 0 && a < MAX_FD && e->result < MAX_FD) {
            fds[e->result] = fds[a];
            fds[e->result].cloexec = strstr(e->args, "CLOEXEC") != NULL;
        }
    } else if (strcmp(e->call, "fcntl") == 0 && ok && strstr(e->args, "F_SETFD") != NULL) {
        a = strtol(e->args, NULL, 10);
        if (a >= 0 && a < MAX_FD)
            fds[a].cloexec = strstr(e->args, "FD_CLOEXEC") != NULL;
    }
}

/* What the shell did to a process it did not start in this command:
 * `fg` sends SIGCONT to an earlier job's group and waits for it. */
static void earlier_job(struct picture *p, const struct ev *e)
{
    if (strcmp(e->call, "kill") == 0 && e->result == 0) {
        long target = labs(strtol(e->args, NULL, 10));
        struct proc *pr = target > 0 ? proc_get(p, target) : NULL;
        const char *sig = strchr(e->args, ',');
        if (pr != NULL && pr->how == NULL && pr->pid != shell_pid && sig != NULL)
            pr->signal = sig + 2;
    } else if (strcmp(e->call, "wait4") == 0 && e->result > 0) {
        struct proc *child = proc_get(p, e->result);
        if (child != NULL)
            child->status = e->detail;
    }
}

/* Replay PID's events with FDS as its descriptor table (inherited). */
static void replay(struct picture *p, long pid, struct slot *fds)
{
    struct proc *me = proc_get(p, pid);
    bool execd = false;
    for (size_t i = 0; i < p->nevs && me != NULL; i++) {
        const struct ev *e = &p->evs[i];
        if (e->pid != pid)
            continue;
        bool spawn = strcmp(e->call, "fork") == 0 || strcmp(e->call, "vfork") == 0
                     || strcmp(e->call, "clone3") == 0;
        if (spawn && e->has_result && e->result == 0) {
            me->ppid = e->ppid;
            me->how = e->call;
            if (me->label == NULL)
                me->label = e->reason;
        } else if (spawn && e->result > 0 && !execd) {
            struct slot copy[MAX_FD];
            memcpy(copy, fds, sizeof copy);
            struct proc *child = proc_get(p, e->result);
            if (child != NULL && child->ppid == 0) {
                child->ppid = pid;
                child->how = e->call;
                child->label = e->reason;
            }
            replay(p, e->result, copy);
        } else if (strcmp(e->call, "execve") == 0 && !execd
                   && (!e->has_result || e->result == 0)) {
            me->label = e->args;
            snapshot(p, pid, fds, true);
            execd = true;
        } else if (!execd) {
            replay_fd_event(p, e, fds);
            earlier_job(p, e);
        }
    }
    if (!execd && pid != shell_pid)
        snapshot(p, pid, fds, false);   /* a builtin or subshell uses them itself */
}

/* S for a DOT double-quoted string. */
static void tb_dot(struct tbuf *b, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '"' || *s == '\\')
            tb_add(b, "\\");
        tb_add(b, "%c", *s);
    }
}

static void dot_nodes(int fd, const struct picture *p)
{
    for (size_t i = 0; i < p->nprocs; i++) {
        const struct proc *pr = &p->procs[i];
        struct tbuf b = {.len = 0};
        bool shell = pr->pid == shell_pid;
        tb_add(&b, "  p%ld [label=\"pid %ld%s\\n", pr->pid, pr->pid, shell ? " (minish)" : "");
        if (shell)
            tb_add(&b, "the shell");
        else if (pr->how == NULL)
            tb_add(&b, "a job of an earlier command%s%s", pr->signal ? ":\\n" : "",
                   pr->signal ? "continued with kill(" : "");
        else if (pr->label != NULL && pr->label[0] != '\0')
            tb_dot(&b, pr->label);
        else
            tb_add(&b, "a child of the shell (%s)", pr->how);
        if (!shell && pr->how == NULL && pr->signal != NULL) {
            tb_dot(&b, pr->signal);
            tb_add(&b, ")");
        }
        if (pr->status != NULL)
            tb_add(&b, "\\n%s", pr->status);
        tb_add(&b, "\"%s];", shell ? ", style=filled, fillcolor=lightgrey" : "");
        write_line(fd, &b);
        b.len = 0;
        if (!shell && pr->ppid != 0)
            tb_add(&b, "  p%ld -> p%ld [label=\"%s\", style=dashed];", pr->ppid, pr->pid,
                   pr->how != NULL ? pr->how : "fork");
        else if (!shell && pr->how == NULL)
            tb_add(&b, "  p%ld -> p%ld [label=\"%s\", style=dotted];", shell_pid, pr->pid,
                   pr->signal != NULL ? "kill + wait4" : "wait4");
        if (b.len > 0)
            write_line(fd, &b);
    }
}

/* The pipe, file and inherited-descriptor nodes, and one edge per
 * descriptor a process ran with: to what it writes, from what it reads. */
static void dot_objects(int fd, const struct picture *p)
{
    static const char *const std[] = {"stdin", "stdout", "stderr"};
    for (size_t i = 0; i < p->nobjs; i++) {
        const struct obj *o = &p->objs[i];
        struct tbuf b = {.len = 0};
        bool used = false;
        for (size_t k = 0; k < p->nedges && !used; k++)
            used = p->edges[k].obj == (int)i;
        if (!used)
            continue;       /* the shell's fds no process of the command used */
        tb_add(&b, "  o%zu [label=\"", i);
        if (o->kind == OBJ_SHELL)
            tb_add(&b, "the shell's fd %d\\n(%s)", o->fd, o->fd <= 2 ? std[o->fd] : "inherited");
        else
            tb_dot(&b, o->name);
        tb_add(&b, "\", shape=%s, color=%s];", o->kind == OBJ_PIPE ? "cds" : "note",
               o->kind == OBJ_PIPE ? "blue" : "darkgreen");
        write_line(fd, &b);
    }
    for (size_t i = 0; i < p->nedges; i++) {
        const struct edge *e = &p->edges[i];
        struct tbuf b = {.len = 0};
        bool shell_fd = p->objs[e->obj].kind == OBJ_SHELL;
        bool out = shell_fd ? e->fd != 0 : e->write;
        if (out)
            tb_add(&b, "  p%ld -> o%d", e->pid, e->obj);
        else
            tb_add(&b, "  o%d -> p%ld", e->obj, e->pid);
        tb_add(&b, " [label=\"fd %d\", color=%s, fontcolor=%s];", e->fd,
               p->objs[e->obj].kind == OBJ_PIPE ? "blue" : "darkgreen",
               p->objs[e->obj].kind == OBJ_PIPE ? "blue" : "darkgreen");
        write_line(fd, &b);
    }
}

/* The digraph of the command that just ended, to FD. */
static void dot_write(int fd, const struct picture *p, int status)
{
    struct tbuf b = {.len = 0};
    tb_add(&b, "digraph command_%d {\n  labelloc=t; label=\"%d: ", command_no, command_no);
    tb_dot(&b, command_text);
    if (status >= 0)
        tb_add(&b, "   (status %d)", status);
    else
        tb_add(&b, "   (the shell became the program: exec in place)");
    tb_add(&b, "\";\n  rankdir=LR; node [shape=box, fontname=\"monospace\"];");
    write_line(fd, &b);
    dot_nodes(fd, p);
    dot_objects(fd, p);
    b.len = 0;
    tb_add(&b, "}");
    write_line(fd, &b);
}

static void dot_command(int status)
{
    struct picture *p = calloc(1, sizeof *p);
    char *text = p != NULL ? load_events(p) : NULL;
    if (text == NULL) {
        free(p);
        return;
    }
    struct slot fds[MAX_FD];
    for (int i = 0; i < MAX_FD; i++)
        fds[i] = (struct slot){i <= 2 ? obj_get(p, OBJ_SHELL, NULL, i) : -1, i != 0, false};
    replay(p, shell_pid, fds);
    if (p->nprocs > 1) {        /* nothing forked: no picture */
        int fd = dot_fd;
        if (dot_path != NULL) {
            char name[1024];
            const char *mark = strstr(dot_path, "%d");   /* never a format: the user wrote it */
            snprintf(name, sizeof name, "%.*s%d%s", (int)(mark - dot_path), dot_path,
                     command_no, mark + 2);
            fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        }
        if (fd >= 0)
            dot_write(fd, p, status);
        if (fd >= 0 && fd != dot_fd)
            close(fd);
    }
    free(text);
    free(p->evs);
    free(p);
}

/* ==== Commands ==== */

void trace_command_begin(const char *text)
{
    if (depth++ > 0)
        return;
    command_no++;
    if (!trace_active()) {  /* nothing records it: no work per command */
        command_text[0] = '\0';
        return;
    }
    snprintf(command_text, sizeof command_text, "%s", text != NULL ? text : "");
    shell_pid = (long)getpid();
    if (log_fd >= 0)
        log_start = lseek(log_fd, 0, SEEK_END);
    trace_html_command_begin(command_no, command_text);
}

void trace_exec_in_place(void)
{
    /* the shell is about to be replaced: draw what it has now, for
     * nobody will be left to draw it after the command */
    if (depth > 0 && log_fd >= 0 && (long)getpid() == shell_pid && !drawn) {
        dot_command(-1);
        drawn = true;
    }
}

void trace_command_end(int status)
{
    if (depth == 0 || --depth > 0)
        return;
    if (log_fd >= 0 && (long)getpid() == shell_pid && !drawn)
        dot_command(status);
    drawn = false;
    trace_html_command_end();
}

/* ==== Step mode ==== */

/*
 * One prompt at a time, in order.  Every foreground child forked in step
 * mode stands in line: before its first pause it waits for its turn, by
 * reading a pipe (turn_in) until the one before it closes the write end.
 * The shell is first in line: it pauses before each fork and before the
 * wait, and only then closes the gate.  Then its children pause one after
 * the other, in the order they were forked; each passes the turn on by
 * closing turn_out when its first pause is over, or when it execs or exits
 * (the ends are close-on-exec, and the kernel closes them at exit).
 *
 *   shell --gate--> child 1 --turn--> child 2 --turn--> child 3
 *
 * A child about to run shell code (a builtin, a function) waits for its
 * turn and passes it on at once (trace_turn_done): a loop may never pause,
 * and the next stage must be let in to read its output.
 *
 * These pipes are step mode's, not the lesson's: they are made with plain
 * calls, not narrated, and sit at fd STEP_FD_MIN or above.  With step mode
 * off none of this runs: no pipe, no read, no extra call.
 */
enum { STEP_FD_MIN = 50 };

static long step_shell;         /* the interactive shell that set step mode */
static int turn_in = -1;        /* this child waits here before its first pause */
static int turn_out = -1;       /* closed after that pause: the next one's turn */
static int gate = -1;           /* the shell's: closed after its wait pause */
static int line_end = -1;       /* where the next child forked will wait */
static int new_turn[2] = { -1, -1 };    /* made for the child about to be forked */
static bool line_going;         /* the gate is open: the line pauses, then runs */

void trace_step_set(int tty)
{
    step_tty = tty;
    step_shell = (long)getpid();
}

static void close_turn(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* A close-on-exec pipe with both ends at STEP_FD_MIN or above. */
static int turn_pipe(int ends[2])
{
    int low[2];
    if (pipe(low) < 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        ends[i] = fcntl(low[i], F_DUPFD_CLOEXEC, STEP_FD_MIN);
        close(low[i]);
    }
    if (ends[0] >= 0 && ends[1] >= 0)
        return 0;
    close_turn(&ends[0]);
    close_turn(&ends[1]);
    return -1;
}

void trace_turn_prepare(bool queued)
{
    line_going = false;
    if (step_tty < 0 || !queued)
        return;
    if (gate < 0) {                     /* the first child of a new line */
        int g[2];
        if (turn_pipe(g) < 0)
            return;                     /* no line: the prompts may mix, nothing worse */
        gate = g[1];
        line_end = g[0];
    }
    if (turn_pipe(new_turn) < 0)
        new_turn[0] = new_turn[1] = -1;
}

void trace_turn_forked(long pid)
{
    if (pid == 0) {
        /* the child: its parent's place in line and its parent's line are
         * not its own (closed, or the one after would wait for it too) */
        close_turn(&turn_in);
        close_turn(&turn_out);
        close_turn(&gate);
        close_turn(&new_turn[0]);
        if (new_turn[1] >= 0) {
            turn_in = line_end;     /* queued: after the last one forked */
            turn_out = new_turn[1];
        } else {
            close_turn(&line_end);
        }
        line_end = new_turn[1] = -1;
        return;
    }
    if (new_turn[0] < 0)
        return;
    /* the parent (or a failed fork): the next child waits for this one */
    close_turn(&new_turn[1]);
    close_turn(&line_end);
    line_end = new_turn[0];
    new_turn[0] = -1;
}

bool trace_turn_waiting(void)
{
    return turn_in >= 0;
}

/* Block until the one before this process in line is done. */
static void turn_wait(void)
{
    char c;
    ssize_t n = 1;
    while (turn_in >= 0 && (n > 0 || (n < 0 && errno == EINTR)))
        n = read(turn_in, &c, 1);   /* nothing is written: only end of file counts */
    close_turn(&turn_in);
}

void trace_turn_done(void)
{
    turn_wait();
    close_turn(&turn_out);
}

/* Say WHAT, wait for Enter on the terminal, report a line typed instead. */
static void pause_for_enter(const char *what, long pid)
{
    struct tbuf b = {.len = 0};
    tb_add(&b, "step: about to %s (pid %ld)\n"
           "      look from a second terminal:  pstree -p %ld   ls -l /proc/%ld/fd\n"
           "      press Enter to continue ", what, pid, pid, pid);
    if (write(step_tty, b.buf, b.len) < 0)
        return;
    /* the whole line: text typed here is not a command, and says so */
    char c, typed[128];
    size_t len = 0;
    ssize_t n;
    while ((n = read(step_tty, &c, 1)) > 0 || (n < 0 && errno == EINTR)) {
        if (n > 0 && c == '\n')
            break;
        if (n > 0 && len < sizeof typed - 1)
            typed[len++] = c;
    }
    if (len > 0) {
        b.len = 0;
        tb_add(&b, "step: ignored '%.*s' (a pause only waits for Enter; type commands at "
               "the prompt)\n", (int)len, typed);
        (void)!write(step_tty, b.buf, b.len);
    }
}

void trace_step(const char *what, long pid)
{
    if (step_tty < 0)
        return;
    turn_wait();
    /* a background process reading the terminal would be stopped (SIGTTIN) */
    if (tcgetpgrp(step_tty) == getpgrp())
        pause_for_enter(what, pid);
    close_turn(&turn_out);      /* the first pause is over: the next one's turn */
}

void trace_step_wait(const char *what)
{
    if (step_tty < 0 || line_going)
        return;     /* waiting again for the same line: its own pauses are on screen */
    if (gate < 0) {
        trace_step(what, (long)getpid());
        return;
    }
    /* The shell has handed the terminal to the job, whose processes all
     * wait in line: nobody else reads it, so the shell may borrow it back
     * for this pause (it ignores SIGTTOU, as a job-control shell does). */
    pid_t job = tcgetpgrp(step_tty);
    bool lend = (long)getpid() == step_shell && job > 0 && job != getpgrp()
                && tcsetpgrp(step_tty, getpgrp()) == 0;
    trace_step(what, (long)getpid());
    if (lend)
        (void)tcsetpgrp(step_tty, job);
    close_turn(&gate);          /* the first child's turn */
    close_turn(&line_end);
    line_going = true;
}
