/*
 * trace_html.c -- the trace as one self-contained web page (--trace-html).
 *
 * Owns: the page (src/viewer/page.html with the style, the data and the
 *       script put in), the session's event log behind it, converting a
 *       recorded JSONL file (--from-trace), and noticing zombies.
 * Never: prints, or makes a call that changes a process.  Like trace.c it
 *        opens its private files directly, not through sys.c: they are the
 *        tracer's, and narrating them would recurse.
 *
 * How the live page is made: every process (the shell, and each child
 * between fork and exec) appends its events as JSON lines to an unlinked
 * log that all of them share through fork.  The shell that opened the page
 * rewrites it from the log at the end of each top-level command (in an
 * interactive session), before it execs itself away, and at exit.
 *
 * Zombies: a child that has exited but has not been waited for sends no
 * event of its own.  So after each of its own events the shell asks the
 * kernel, with waitid(WNOWAIT), which leaves the child as it is, whether a
 * child it started has ended; if so the page gets an "exit" event.
 */
#include "trace_html.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "trace_assets.h"
#include "trace_jsonl.h"

#ifndef MINISH_VERSION
#define MINISH_VERSION "dev"
#endif

enum { LINE_MAX_BYTES = 8192, MAX_WATCH = 64 };

/* One command line of the session, for the page's header. */
struct command {
    int job;
    char *text;
};

static int page_fd = -1;        /* the page, rewritten in place */
static int log_fd = -1;         /* the shared event log */
static bool recording;          /* false after set +o trace-html */
static bool every_command;      /* rewrite after each command (interactive) */
static long owner = -1;         /* the shell that opened the page */
static char *page_path;
static char *start_fds;         /* the shell's fds 0-9 at the start, as JSON */
static long start_pgid;
static struct command *commands;
static size_t ncommands;
static int current_job;
static const char *current_node;

/* Children of the shell not yet waited for, and whether each was seen ended. */
static struct {
    long pid;
    bool ended;
} watch[MAX_WATCH];
static size_t nwatch;

/* ==== A growable buffer ==== */

struct gbuf {
    char *p;
    size_t len, cap;
    bool oom;               /* an allocation failed: the text is incomplete */
};

static void gb_add(struct gbuf *b, const void *mem, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (p == NULL) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, mem, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void gb_printf(struct gbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void gb_printf(struct gbuf *b, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n > 0)
        gb_add(b, text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}

/* S as an HTML-safe JSON string. */
static void gb_quote(struct gbuf *b, const char *s)
{
    size_t cap = (s != NULL ? strlen(s) * 6 : 0) + 16;
    char *q = malloc(cap);
    if (q == NULL) {
        b->oom = true;
        return;
    }
    gb_add(b, q, trace_jsonl_quote(q, cap, s));
    free(q);
}

/* ==== Files ==== */

static int write_all(int fd, const void *mem, size_t n)
{
    const char *p = mem;
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

/* All of the file open on FD from offset 0, into B. */
static int read_fd(int fd, struct gbuf *b)
{
    char chunk[65536];
    off_t off = 0;
    for (;;) {
        ssize_t n = pread(fd, chunk, sizeof chunk, off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return b->oom ? (errno = ENOMEM, -1) : 0;
        gb_add(b, chunk, (size_t)n);
        off += n;
    }
}

/* ==== The page ==== */

/* TEXT for HTML element content. */
static void gb_html(struct gbuf *b, const char *text)
{
    for (; *text != '\0'; text++) {
        const char *e = *text == '<' ? "&lt;" : *text == '>' ? "&gt;" : *text == '&' ? "&amp;"
                      : NULL;
        if (e != NULL)
            gb_add(b, e, strlen(e));
        else
            gb_add(b, text, 1);
    }
}

/*
 * The page: the template with its @MARKERS@ replaced by the style sheet,
 * the script, META (JSON) and DATA (HTML-safe JSON lines).
 */
static void page_build(struct gbuf *b, const char *title, const char *meta, const char *data,
                       size_t datalen)
{
    const char *t = (const char *)trace_asset_page;
    while (*t != '\0') {
        const char *at = strchr(t, '@');
        const char *end = at != NULL ? strchr(at + 1, '@') : NULL;
        if (at == NULL || end == NULL) {
            gb_add(b, t, strlen(t));
            return;
        }
        gb_add(b, t, (size_t)(at - t));
        size_t n = (size_t)(end - at + 1);
        if (strncmp(at, "@TITLE@", n) == 0)
            gb_html(b, title);
        else if (strncmp(at, "@STYLE@", n) == 0)
            gb_add(b, trace_asset_css, strlen((const char *)trace_asset_css));
        else if (strncmp(at, "@SCRIPT@", n) == 0)
            gb_add(b, trace_asset_js, strlen((const char *)trace_asset_js));
        else if (strncmp(at, "@META@", n) == 0)
            gb_add(b, meta, strlen(meta));
        else if (strncmp(at, "@TRACE@", n) == 0)
            gb_add(b, data, datalen);
        else {
            gb_add(b, at, 1);   /* a lone '@' in the template */
            end = at;
        }
        t = end + 1;
    }
}

/* ==== The live page ==== */

/* What descriptor FD of the shell is, in a few words ("terminal /dev/pts/1"). */
static void describe_fd(struct gbuf *b, int fd)
{
    char link[64], target[512];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);  /* Linux; elsewhere n < 0 */
    target[n > 0 ? n : 0] = '\0';
    struct stat st;
    const char *kind = "other", *text = target;
    char tty[600];
    if (isatty(fd)) {
        kind = "tty";
        snprintf(tty, sizeof tty, "terminal %s", ttyname(fd) != NULL ? ttyname(fd) : "");
        text = tty;
    } else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        kind = "file";
    } else if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) {
        text = "a pipe from outside";   /* not one of the trace's pipes */
    } else if (n <= 0) {
        text = "open";
    }
    gb_printf(b, "{\"fd\":%d,\"kind\":\"%s\",\"cloexec\":%s,\"text\":", fd, kind,
              (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "true" : "false");
    gb_quote(b, text);
    gb_add(b, "}", 1);
}

/* The shell's descriptors 0-9 as a JSON array (heap), or NULL. */
static char *describe_fds(void)
{
    struct gbuf b = {0};
    gb_add(&b, "[", 1);
    for (int fd = 0, n = 0; fd < 10; fd++) {
        if (fcntl(fd, F_GETFD) < 0)
            continue;
        if (n++ > 0)
            gb_add(&b, ",", 1);
        describe_fd(&b, fd);
    }
    gb_add(&b, "]", 1);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* The page's META for the live session. */
static void live_meta(struct gbuf *b)
{
    gb_printf(b, "{\"version\":\"%s\",\"source\":\"live\",\"shell\":%ld,\"pgid\":%ld,\"fds\":%s,"
              "\"commands\":[", MINISH_VERSION, owner, start_pgid,
              start_fds != NULL ? start_fds : "null");
    for (size_t i = 0; i < ncommands; i++) {
        gb_printf(b, "%s{\"job\":%d,\"text\":", i ? "," : "", commands[i].job);
        gb_quote(b, commands[i].text);
        gb_add(b, "}", 1);
    }
    gb_add(b, "]}", 2);
}

/* Rewrite the page from the log.  Only the shell that opened it does. */
static void live_write(void)
{
    if (page_fd < 0 || (long)getpid() != owner)
        return;
    struct gbuf data = {0}, meta = {0}, page = {0};
    if (read_fd(log_fd, &data) == 0) {
        size_t len = data.len;
        while (len > 0 && data.p[len - 1] != '\n')
            len--;      /* a line still being written by another process */
        live_meta(&meta);
        page_build(&page, ncommands > 0 ? commands[0].text : "minish", meta.p != NULL ? meta.p : "{}",
                   data.p != NULL ? data.p : "", len);
        if (!page.oom && ftruncate(page_fd, 0) == 0 && lseek(page_fd, 0, SEEK_SET) == 0)
            (void)write_all(page_fd, page.p, page.len);
    }
    free(data.p);
    free(meta.p);
    free(page.p);
}

/* At exit: the last page, then everything this module holds is freed. */
static void live_at_exit(void)
{
    if ((long)getpid() != owner)
        return;
    live_write();
    for (size_t i = 0; i < ncommands; i++)
        free(commands[i].text);
    free(commands);
    commands = NULL;
    ncommands = 0;
    free(start_fds);
    free(page_path);
    start_fds = page_path = NULL;
    close(page_fd);
    close(log_fd);
    page_fd = log_fd = -1;      /* a call traced after this is not recorded */
}

int trace_html_open(const char *path, bool each_command)
{
    if (page_fd >= 0) {
        errno = EBUSY;
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    page_fd = move_high(fd);
    if (page_fd < 0)
        return -1;
    const char *dir = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/minish-html-XXXXXX", dir != NULL && *dir ? dir : "/tmp");
    fd = mkstemp(tmpl);
    if (fd >= 0)
        unlink(tmpl);
    int flags = fd >= 0 ? fcntl(fd, F_GETFL) : -1;
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_APPEND) < 0 || (log_fd = move_high(fd)) < 0) {
        int err = errno;
        if (fd >= 0 && log_fd < 0)
            close(fd);
        close(page_fd);
        page_fd = -1;
        errno = err;
        return -1;
    }
    owner = (long)getpid();
    start_pgid = (long)getpgrp();
    start_fds = describe_fds();
    page_path = strdup(path);
    recording = true;
    every_command = each_command;
    atexit(live_at_exit);
    live_write();           /* a valid page from the start */
    return 0;
}

void trace_html_close(void)
{
    if (recording)
        live_write();
    recording = false;
}

const char *trace_html_path(void)
{
    return page_fd >= 0 ? page_path : NULL;
}

bool trace_html_recording(void)
{
    return page_fd >= 0 && recording;
}

/* ==== Recording ==== */

/* Append R to the log, as one line in one write(2). */
static void log_append(const struct trace_rec *r)
{
    char line[LINE_MAX_BYTES];
    size_t n = trace_jsonl_format(line, sizeof line, r);
    (void)write_all(log_fd, line, n);
}

/* WHEN (now if NULL) as "SECONDS.MICROSECONDS". */
static void now_text(char *buf, size_t cap, const struct timespec *when)
{
    struct timespec ts;
    if (when != NULL)
        ts = *when;
    else
        clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(buf, cap, "%lld.%06ld", (long long)ts.tv_sec, ts.tv_nsec / 1000);
}

/* Keep the list of the shell's children up to date with its own event EV. */
static void watch_event(const struct trace_event *ev)
{
    if (!ev->has_result || ev->result <= 0)
        return;
    if (strcmp(ev->call, "fork") == 0 || strcmp(ev->call, "vfork") == 0
        || strcmp(ev->call, "clone3") == 0) {
        if (nwatch < MAX_WATCH)
            watch[nwatch++].pid = ev->result;
        watch[nwatch - 1].ended = false;
    } else if (strcmp(ev->call, "wait4") == 0 && ev->detail != NULL
               && (strncmp(ev->detail, "exited", 6) == 0 || strncmp(ev->detail, "killed", 6) == 0)) {
        for (size_t i = 0; i < nwatch; i++)
            if (watch[i].pid == ev->result)
                watch[i] = watch[--nwatch];
    }
}

/* Ask the kernel, without reaping, whether child I has ended; log it once. */
static void watch_peek(size_t i)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid(P_PID, (id_t)watch[i].pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0) {
        if (errno == ECHILD)
            watch[i].ended = true;      /* reaped where the trace does not look */
        return;
    }
    if (si.si_pid != (pid_t)watch[i].pid)
        return;
    watch[i].ended = true;
    char detail[64];
    if (si.si_code == CLD_EXITED)
        snprintf(detail, sizeof detail, "exited %d", si.si_status);
    else
        snprintf(detail, sizeof detail, "killed by signal %d", si.si_status);
    struct trace_rec r = {.pid = watch[i].pid, .ppid = owner, .call = "exit", .detail = detail,
                          .reason = "it has ended: a zombie until its parent waits for it",
                          .has_job = current_job > 0, .job = current_job, .node = current_node};
    now_text(r.time, sizeof r.time, NULL);
    log_append(&r);
}

void trace_html_record(const struct trace_event *ev, int job, const char *node)
{
    if (log_fd < 0 || !recording)
        return;
    struct trace_rec r = {.pid = ev->pid, .ppid = ev->ppid, .call = ev->call,
                          .args = ev->args, .err = ev->err, .detail = ev->detail,
                          .reason = ev->reason, .has_result = ev->has_result,
                          .result = ev->result, .has_job = job > 0, .job = job,
                          .node = job > 0 ? node : NULL};
    now_text(r.time, sizeof r.time, ev->when);
    log_append(&r);
    if (r.pid != owner)
        return;
    current_job = job;
    current_node = node;
    watch_event(ev);
    /* a vfork/posix_spawn child that has already ended is not logged yet:
     * the calls the shell narrates for it come next, and its end after them */
    bool spawned = ev->has_result && ev->result > 0
                   && (strcmp(ev->call, "vfork") == 0 || strcmp(ev->call, "clone3") == 0);
    for (size_t i = 0; i < nwatch; i++)
        if (!watch[i].ended && !(spawned && watch[i].pid == ev->result))
            watch_peek(i);
    if (strcmp(ev->call, "execve") == 0 && !ev->has_result)
        live_write();       /* `exec prog`: the shell is about to be replaced */
}

void trace_html_command_begin(int job, const char *text)
{
    if (log_fd < 0 || !recording || (long)getpid() != owner)
        return;
    struct command *c = realloc(commands, (ncommands + 1) * sizeof *c);
    if (c == NULL)
        return;
    commands = c;
    commands[ncommands].job = job;
    commands[ncommands].text = strdup(text != NULL ? text : "");
    if (commands[ncommands].text != NULL)
        ncommands++;
}

void trace_html_command_end(void)
{
    if (log_fd < 0 || !recording || (long)getpid() != owner)
        return;
    for (size_t i = 0; i < nwatch; i++)
        if (!watch[i].ended)
            watch_peek(i);
    if (every_command)
        live_write();
}

/* ==== Converting a recorded trace ==== */

/* Check each line of TEXT and append it, rewritten HTML-safe, to DATA.
 * Returns the number of events, or -1 with WHY set. */
static long convert_lines(char *text, struct gbuf *data, char *why, size_t whylen)
{
    long nlines = 0, nevents = 0;
    for (char *line = text; *line != '\0';) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        nlines++;
        size_t len = strlen(line);
        if (line[strspn(line, " \t\r")] != '\0') {
            struct trace_rec r;
            char msg[200];
            if (trace_jsonl_parse(line, &r, msg, sizeof msg) < 0) {
                snprintf(why, whylen, "line %ld: %s", nlines, msg);
                return -1;
            }
            size_t cap = len * 6 + 512;
            char *out = malloc(cap);
            if (out == NULL) {
                snprintf(why, whylen, "%s", strerror(ENOMEM));
                return -1;
            }
            gb_add(data, out, trace_jsonl_format(out, cap, &r));
            free(out);
            nevents++;
        }
        if (nl == NULL)
            break;
        line = nl + 1;
    }
    return nevents;
}

/* PAGE into a new file OUT.  Returns 0, or -1 with WHY set. */
static int write_file(const char *out, const struct gbuf *page, char *why, size_t whylen)
{
    int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int err = fd < 0 ? errno : write_all(fd, page->p, page->len) < 0 ? errno : 0;
    if (fd >= 0 && close(fd) < 0 && err == 0)
        err = errno;
    if (err == 0)
        return 0;
    snprintf(why, whylen, "%s: %s", out, strerror(err));
    if (fd >= 0)
        unlink(out);        /* never leave half a page behind */
    return -1;
}

int trace_html_convert(const char *in, const char *out, char *why, size_t whylen)
{
    struct gbuf text = {0}, data = {0}, meta = {0}, page = {0};
    int rc = -1;
    int fd = open(in, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || read_fd(fd, &text) < 0) {
        snprintf(why, whylen, "%s: %s", in, strerror(errno));
        goto fail;
    }
    if (text.p != NULL && memchr(text.p, '\0', text.len) != NULL) {
        snprintf(why, whylen, "%s: a NUL byte: this is not a JSON Lines trace", in);
        goto fail;
    }
    long n = convert_lines(text.p != NULL ? text.p : (char *)"", &data, why, whylen);
    if (n < 0)
        goto fail;
    if (n == 0) {
        snprintf(why, whylen, "%s: no events", in);
        goto fail;
    }
    gb_printf(&meta, "{\"version\":\"%s\",\"source\":", MINISH_VERSION);
    gb_quote(&meta, in);
    gb_printf(&meta, ",\"shell\":null,\"pgid\":null,\"fds\":null,\"commands\":[]}");
    page_build(&page, in, meta.p != NULL ? meta.p : "{}", data.p, data.len);
    if (page.oom || data.oom || meta.oom) {
        snprintf(why, whylen, "%s", strerror(ENOMEM));
        goto fail;
    }
    rc = write_file(out, &page, why, whylen);
fail:
    if (fd >= 0)
        close(fd);
    free(text.p);
    free(data.p);
    free(meta.p);
    free(page.p);
    return rc;
}
