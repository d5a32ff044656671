/*
 * jobs.c -- the job table: every child the shell starts is recorded here
 * and reaped through here, so no zombie is left behind.
 *
 * Owns: jobs and their processes (malloc'd, freed in job_remove/jobs_free),
 *       turning waitpid statuses into states, %job lookup, the current (+)
 *       and previous (-) job, "Done"/"Stopped" notices, and handing the
 *       terminal to a foreground job and back.
 * Never: forks or parses; the executor starts processes and adds them.
 *
 * State changes of one process, as waitpid reports them:
 *
 *     RUNNING --WIFSTOPPED--> STOPPED --SIGCONT (fg/bg)--> RUNNING
 *     RUNNING or STOPPED --WIFEXITED/WIFSIGNALED--> DONE
 *
 * A job is DONE when all its processes are, STOPPED when none runs and one
 * is stopped, RUNNING otherwise.
 */
#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "sys.h"

/* ==== The table ==== */

void jobs_init(struct job_table *t)
{
    memset(t, 0, sizeof *t);
    t->tty_fd = -1;
    t->msg_fd = STDERR_FILENO;
}

static void job_free(struct job *j)
{
    for (size_t i = 0; i < j->nprocs; i++)
        free(j->procs[i].text);
    free(j->procs);
    free(j->text);
    free(j);
}

void jobs_free(struct job_table *t)
{
    for (size_t i = 0; i < t->len; i++)
        job_free(t->jobs[i]);
    free(t->jobs);
    t->jobs = NULL;
    t->len = t->cap = 0;
    t->current = t->previous = NULL;
}

/* As bash: one more than the highest id in use, so ids of finished jobs
 * are reused only once the jobs above them are gone too. */
static int next_id(const struct job_table *t)
{
    int max = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->jobs[i]->id > max)
            max = t->jobs[i]->id;
    return max + 1;
}

/* J becomes %+ and the old current job %-. */
static void make_current(struct job_table *t, struct job *j)
{
    if (t->current == j)
        return;
    t->previous = t->current;
    t->current = j;
}

/* The newest listed job other than SKIP, a stopped one if there is one
 * (as bash, a stopped job is the one `fg` most likely means). */
static struct job *newest_other(const struct job_table *t, const struct job *skip)
{
    struct job *running = NULL;
    for (size_t i = t->len; i-- > 0;) {
        struct job *j = t->jobs[i];
        if (j == skip || j->id == 0)
            continue;
        if (job_state(j) == JOB_STOPPED)
            return j;
        if (running == NULL)
            running = j;
    }
    return running;
}

/* After a removal: %- moves up to %+, and a new %- is chosen. */
static void refill_marks(struct job_table *t)
{
    if (t->current == NULL) {
        t->current = t->previous;
        t->previous = NULL;
    }
    if (t->current == NULL)
        t->current = newest_other(t, NULL);
    if (t->previous == NULL && t->current != NULL)
        t->previous = newest_other(t, t->current);
}

struct job *job_new(struct job_table *t, const char *text, bool background)
{
    struct job *j = xcalloc(1, sizeof *j);
    j->text = xstrdup(text ? text : "");
    j->background = background;
    j->notified = true;     /* nothing to report until it stops or ends */
    j->id = background ? next_id(t) : 0;
    if (t->len == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->jobs = xrealloc(t->jobs, t->cap * sizeof *t->jobs);
    }
    t->jobs[t->len++] = j;
    if (background)
        make_current(t, j);
    return j;
}

void job_add_process(struct job *j, pid_t pid, const char *text)
{
    if (j->nprocs == j->cap) {
        j->cap = j->cap ? j->cap * 2 : 4;
        j->procs = xrealloc(j->procs, j->cap * sizeof *j->procs);
    }
    struct process *p = &j->procs[j->nprocs++];
    p->pid = pid;
    p->wstatus = 0;
    p->state = JOB_RUNNING;
    p->text = xstrdup(text ? text : "");
}

void job_remove(struct job_table *t, struct job *j)
{
    for (size_t i = 0; i < t->len; i++) {
        if (t->jobs[i] != j)
            continue;
        memmove(&t->jobs[i], &t->jobs[i + 1], (t->len - i - 1) * sizeof *t->jobs);
        t->len--;
        break;
    }
    if (t->current == j)
        t->current = NULL;
    if (t->previous == j)
        t->previous = NULL;
    refill_marks(t);
    job_free(j);
}

struct job *job_by_pid(struct job_table *t, pid_t pid)
{
    for (size_t i = 0; i < t->len; i++)
        for (size_t k = 0; k < t->jobs[i]->nprocs; k++)
            if (t->jobs[i]->procs[k].pid == pid)
                return t->jobs[i];
    return NULL;
}

/* ==== States and statuses ==== */

enum job_state job_state(const struct job *j)
{
    bool stopped = false;
    for (size_t i = 0; i < j->nprocs; i++) {
        if (j->procs[i].state == JOB_RUNNING)
            return JOB_RUNNING;
        stopped |= j->procs[i].state == JOB_STOPPED;
    }
    return stopped ? JOB_STOPPED : JOB_DONE;
}

struct job *job_record(struct job_table *t, pid_t pid, int wstatus)
{
    struct job *j = job_by_pid(t, pid);
    if (j == NULL)
        return NULL;    /* not ours (already forgotten): nothing to update */
    enum job_state before = job_state(j);
    for (size_t i = 0; i < j->nprocs; i++) {
        struct process *p = &j->procs[i];
        if (p->pid != pid)
            continue;
        p->wstatus = wstatus;
        p->state = WIFSTOPPED(wstatus) ? JOB_STOPPED
                 : WIFCONTINUED(wstatus) ? JOB_RUNNING : JOB_DONE;
    }
    enum job_state after = job_state(j);
    if (after == before)
        return j;
    j->notified = after == JOB_RUNNING;
    if (after == JOB_STOPPED) {
        if (j->id == 0)     /* a stopped foreground job must be nameable by fg */
            j->id = next_id(t);
        make_current(t, j);
    }
    return j;
}

/* One process's status as $? shows it. */
static int proc_status(const struct process *p)
{
    if (p->state == JOB_STOPPED)
        return STATUS_SIGBASE + WSTOPSIG(p->wstatus);
    if (p->state == JOB_RUNNING)
        return 0;
    if (WIFSIGNALED(p->wstatus))
        return STATUS_SIGBASE + WTERMSIG(p->wstatus);
    return WIFEXITED(p->wstatus) ? WEXITSTATUS(p->wstatus) : 0;
}

int job_status(const struct job *j, bool pipefail)
{
    if (j->nprocs == 0)
        return 0;
    if (job_state(j) == JOB_STOPPED) {
        for (size_t i = j->nprocs; i-- > 0;)
            if (j->procs[i].state == JOB_STOPPED)
                return proc_status(&j->procs[i]);
    }
    if (!pipefail)
        return proc_status(&j->procs[j->nprocs - 1]);
    int status = 0;
    for (size_t i = 0; i < j->nprocs; i++)
        if (proc_status(&j->procs[i]) != 0)
            status = proc_status(&j->procs[i]);
    return status;
}

/* ==== Waiting ==== */

/* Nothing left to wait for (ECHILD): the children were reaped elsewhere.
 * Call them done, so that no caller ever waits forever. */
static void mark_gone(struct job *j)
{
    for (size_t i = 0; i < j->nprocs; i++) {
        if (j->procs[i].state != JOB_DONE) {
            j->procs[i].state = JOB_DONE;
            j->procs[i].wstatus = 0;
        }
    }
}

/* Hand the terminal to J.  False if there is no terminal to hand over. */
static bool tty_give(struct job_table *t, struct job *j, const char *why)
{
    /* the modes the shell wants back afterwards were read before the job
     * was forked (jobs_save_tty_modes): the job may have changed them by
     * now, since a foreground child takes the terminal itself */
    /* a job that stopped in raw mode (vi) gets its own modes back; set
     * them first, while the shell still owns the terminal */
    if (j->saved_tmodes_valid && tcsetattr(t->tty_fd, TCSADRAIN, &j->tmodes) < 0)
        j->saved_tmodes_valid = false;
    /* now reads from the terminal and Ctrl-C/Ctrl-Z go to the job's group */
    return sys_tcsetpgrp(t->tty_fd, j->pgid, why) == 0;
}

void jobs_save_tty_modes(struct job_table *t)
{
    if (t->tty_fd >= 0 && tcgetattr(t->tty_fd, &t->shell_tmodes) < 0)
        sys_trace_note("tcgetattr failed: %s", strerror(errno));
}

/* Take the terminal back from J after it stopped or ended. */
static void tty_take(struct job_table *t, struct job *j)
{
    /* remember a stopped job's modes, so that `fg` can restore them */
    if (job_state(j) == JOB_STOPPED)
        j->saved_tmodes_valid = tcgetattr(t->tty_fd, &j->tmodes) == 0;
    /* without this the shell's next read from the tty gets SIGTTIN */
    if (sys_tcsetpgrp(t->tty_fd, t->shell_pgid, "the shell takes the terminal back") < 0)
        return;
    /* a program killed in raw mode would leave the terminal unusable */
    if (tcsetattr(t->tty_fd, TCSADRAIN, &t->shell_tmodes) < 0)
        sys_trace_note("tcsetattr failed: %s", strerror(errno));
}

/* J's first running process (set -o noreap waits for its own pids only). */
static pid_t first_running(const struct job *j)
{
    for (size_t i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == JOB_RUNNING)
            return j->procs[i].pid;
    return -1;
}

/* Block until J stops running, recording whatever else changes meanwhile. */
static void wait_loop(struct job_table *t, struct job *j)
{
    char why[160];
    snprintf(why, sizeof why, "wait for '%s'", j->text);
    while (job_state(j) == JOB_RUNNING) {
        int st;
        pid_t pid = sys_waitpid_unless(t->noreap ? first_running(j) : -1, &st, WUNTRACED,
                                       t->stop, why);
        if (pid < 0 && errno == EINTR)
            break;          /* *t->stop: the caller acts on it (EINTR is otherwise retried) */
        if (pid < 0) {      /* ECHILD: nothing left */
            mark_gone(j);
            break;
        }
        job_record(t, pid, st);
    }
}

/* Send SIGCONT to J's group, or to each live process without a group. */
static int send_cont(const struct job_table *t, const struct job *j)
{
    char why[160];
    snprintf(why, sizeof why, "continue '%s'", j->text);
    if (t->job_control && j->pgid > 0)
        return sys_kill(-j->pgid, SIGCONT, why);
    int r = 0;
    for (size_t i = 0; i < j->nprocs; i++)
        if (j->procs[i].state != JOB_DONE && sys_kill(j->procs[i].pid, SIGCONT, why) < 0)
            r = -1;
    return r;
}

/* Like dash, the shell says on stderr why a process of a job it waited for
 * died: "Terminated", "Killed", "Quit (core dumped)".  Not for SIGINT
 * (the user pressed ^C: an interactive shell just ends the line) nor
 * SIGPIPE (a normal end for `yes | head`). */
#ifdef WCOREDUMP
#define CORE_DUMPED(st) WCOREDUMP(st)
#else
#define CORE_DUMPED(st) (((st) & 0x80) != 0)   /* not POSIX; this bit on Linux and the BSDs */
#endif

/* Write LINE to the shell's stderr, or where the command's own redirection
 * sent its stderr (t->msg_fd, t->msg_path). */
static void report_line(const struct job_table *t, const char *line)
{
    if (t->msg_path == NULL && t->msg_fd == STDERR_FILENO) {
        fputs(line, stderr);
        return;
    }
    fflush(stderr);
    int fd = t->msg_fd;
    if (t->msg_path != NULL)    /* no O_CREAT: the command made it; no blocking on a FIFO */
        fd = sys_open(t->msg_path, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK, 0,
                      "the command's stderr: the message goes there too");
    if (fd >= 0 && sys_write_all(fd, line, strlen(line)) < 0)
        sys_trace_note("message not written: %s", strerror(errno));
    if (t->msg_path != NULL && fd >= 0)
        sys_close(fd, "message written");
}

void job_report_signal(const struct job_table *t, const struct job *j)
{
    for (size_t i = 0; i < j->nprocs; i++) {
        int st = j->procs[i].wstatus;
        if (j->procs[i].state != JOB_DONE || !WIFSIGNALED(st) || WTERMSIG(st) == SIGPIPE)
            continue;
        fflush(stdout);
        if (WTERMSIG(st) == SIGINT) {
            if (t->tty_fd >= 0 && i == j->nprocs - 1)
                fputc('\n', stderr);
            continue;
        }
        char line[128];
        snprintf(line, sizeof line, "%s%s\n", sys_signal_describe(WTERMSIG(st)),
                 CORE_DUMPED(st) ? " (core dumped)" : "");
        report_line(t, line);
    }
}

/* job_wait, optionally sending SIGCONT once the job has the terminal. */
static int wait_job(struct job_table *t, struct job *j, bool pipefail, bool cont)
{
    char why[160];
    snprintf(why, sizeof why, "give the terminal to '%s'", j->text);
    bool tty = t->job_control && t->tty_fd >= 0 && j->pgid > 0 && !j->background
               && tty_give(t, j, why);
    /* continue only after the handover, or the job's first read of the
     * terminal would stop it again with SIGTTIN */
    if (cont && send_cont(t, j) < 0 && errno == ESRCH)
        mark_gone(j);
    wait_loop(t, j);
    if (tty)
        tty_take(t, j);
    if (tty && job_state(j) == JOB_STOPPED)
        fputc('\n', stderr);   /* end the line the ^Z echo is on; the notice follows */
    int status = job_status(j, pipefail);
    if (job_state(j) == JOB_DONE && !j->background) {
        job_report_signal(t, j);
        job_remove(t, j);
    }
    return status;
}

int job_wait(struct job_table *t, struct job *j, bool pipefail)
{
    return wait_job(t, j, pipefail, false);
}

void jobs_reap(struct job_table *t)
{
    int st;
    pid_t pid;
    if (t->noreap)
        return;     /* teaching: finished children stay zombies until `wait` or `reap` */
    while ((pid = sys_waitpid(-1, &st, WNOHANG | WUNTRACED, "reap finished children")) > 0)
        job_record(t, pid, st);
}

int job_continue(struct job_table *t, struct job *j, bool foreground, bool pipefail)
{
    for (size_t i = 0; i < j->nprocs; i++)
        if (j->procs[i].state == JOB_STOPPED)
            j->procs[i].state = JOB_RUNNING;
    j->background = !foreground;
    j->notified = true;
    if (foreground)
        return wait_job(t, j, pipefail, true);
    if (send_cont(t, j) < 0 && errno == ESRCH)
        mark_gone(j);   /* it died meanwhile; jobs_notify will say so */
    return 0;
}

/* ==== Finding jobs ==== */

static bool all_digits(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* %string (prefix of the command) or %?string (anywhere in it). */
static struct job *find_by_text(struct job_table *t, const char *s, bool *ambiguous)
{
    bool anywhere = *s == '?';
    if (anywhere)
        s++;
    struct job *found = NULL;
    for (size_t i = 0; i < t->len; i++) {
        struct job *j = t->jobs[i];
        bool match = anywhere ? strstr(j->text, s) != NULL
                              : strncmp(j->text, s, strlen(s)) == 0;
        if (j->id == 0 || !match)
            continue;
        if (found != NULL) {
            *ambiguous = true;
            return NULL;
        }
        found = j;
    }
    return found;
}

struct job *job_find(struct job_table *t, const char *spec, bool *ambiguous)
{
    bool dummy;
    if (ambiguous == NULL)
        ambiguous = &dummy;
    *ambiguous = false;
    if (spec[0] != '%') {
        long pid = all_digits(spec) ? strtol(spec, NULL, 10) : 0;
        return pid > 0 ? job_by_pid(t, (pid_t)pid) : NULL;
    }
    const char *s = spec + 1;
    if (*s == '\0' || strcmp(s, "%") == 0 || strcmp(s, "+") == 0)
        return t->current;
    if (strcmp(s, "-") == 0)
        return t->previous;
    if (all_digits(s)) {
        long id = strtol(s, NULL, 10);
        for (size_t i = 0; i < t->len; i++)
            if (t->jobs[i]->id == id)
                return t->jobs[i];
        return NULL;
    }
    return find_by_text(t, s, ambiguous);
}

/* ==== Listing ==== */

/* "Running", "Stopped", "Done", "Exit 3", "Terminated", ... into BUF. */
static const char *state_words(const struct job *j, char *buf, size_t size)
{
    switch (job_state(j)) {
    case JOB_RUNNING:
        return "Running";
    case JOB_STOPPED:
        for (size_t i = 0; i < j->nprocs; i++)
            if (j->procs[i].state == JOB_STOPPED)
                return sys_signal_describe(WSTOPSIG(j->procs[i].wstatus));
        return "Stopped";
    case JOB_DONE:
        break;
    }
    int st = j->nprocs ? j->procs[j->nprocs - 1].wstatus : 0;
    if (WIFSIGNALED(st))
        return sys_signal_describe(WTERMSIG(st));
    if (!WIFEXITED(st) || WEXITSTATUS(st) == 0)
        return "Done";
    snprintf(buf, size, "Exit %d", WEXITSTATUS(st));
    return buf;
}

void job_print(const struct job_table *t, const struct job *j, FILE *out, bool long_form)
{
    char buf[32];
    char mark = j == t->current ? '+' : j == t->previous ? '-' : ' ';
    const char *state = state_words(j, buf, sizeof buf);
    const char *amp = j->background && job_state(j) == JOB_RUNNING ? " &" : "";
    if (!long_form || j->nprocs == 0) {
        fprintf(out, "[%d]%c  %-24s%s%s\n", j->id, mark, state, j->text, amp);
        return;
    }
    /* jobs -l: one line per process, as bash prints them */
    for (size_t i = 0; i < j->nprocs; i++) {
        const struct process *p = &j->procs[i];
        const char *tail = i + 1 == j->nprocs ? amp : "";
        if (i == 0)
            fprintf(out, "[%d]%c %5ld %-24s%s%s\n", j->id, mark, (long)p->pid, state,
                    p->text, tail);
        else
            fprintf(out, "     %5ld %-24s| %s%s\n", (long)p->pid, "", p->text, tail);
    }
}

/* Drop every finished job (they were reported, or nobody asks). */
static void drop_done(struct job_table *t)
{
    for (size_t i = t->len; i-- > 0;)
        if (job_state(t->jobs[i]) == JOB_DONE)
            job_remove(t, t->jobs[i]);
}

/* Does J have a change of state to report? */
static bool has_notice(const struct job *j)
{
    return j->id != 0 && !j->notified && job_state(j) != JOB_RUNNING;
}

bool jobs_have_notices(const struct job_table *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (has_notice(t->jobs[i]))
            return true;
    return false;
}

void jobs_notify(struct job_table *t, FILE *out)
{
    for (size_t i = 0; i < t->len; i++) {
        struct job *j = t->jobs[i];
        if (!has_notice(j))
            continue;
        job_print(t, j, out, false);
        j->notified = true;
    }
    fflush(out);
    drop_done(t);
}

/* How many finished background jobs a script keeps for a later `wait`. */
#define KEEP_DONE 32

void jobs_forget_done(struct job_table *t)
{
    /* POSIX: `cmd & ... wait $!` must still get cmd's status after the
     * shell reaped it, so keep the newest finished background jobs (as
     * bash keeps the last CHILD_MAX statuses) and drop older ones */
    size_t kept = 0;
    for (size_t i = t->len; i-- > 0;) {
        struct job *j = t->jobs[i];
        if (job_state(j) != JOB_DONE)
            continue;
        if (j->id != 0 && kept < KEEP_DONE)
            kept++;
        else
            job_remove(t, j);
    }
}

/* ==== The terminal at exit ==== */

/* Did the shell move to a group of its own to take the terminal? */
static bool tty_moved(const struct job_table *t)
{
    return t->tty_fd >= 0 && t->tty_orig_pgid > 0 && t->tty_orig_pgid != t->shell_pgid;
}

void jobs_tty_release(struct job_table *t)
{
    if (!tty_moved(t))
        return;
    /* or the parent that started us stays in the background, its group
     * no longer the terminal's foreground (and ours is about to be empty) */
    if (sys_tcsetpgrp(t->tty_fd, t->tty_orig_pgid, "give the terminal back to the group that had it") < 0)
        sys_trace_note("tcsetpgrp: %s (that group is gone)", strerror(errno));
    else if (sys_setpgid(0, t->tty_orig_pgid, "rejoin the process group the shell came from") < 0)
        sys_trace_note("setpgid: %s", strerror(errno));
}

void jobs_tty_reclaim(struct job_table *t)
{
    if (!tty_moved(t))
        return;
    if (sys_setpgid(0, t->shell_pgid, "back into the shell's own process group") == 0)
        sys_tcsetpgrp(t->tty_fd, t->shell_pgid, "the shell takes the terminal again");
}

bool jobs_any_stopped(const struct job_table *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (job_state(t->jobs[i]) == JOB_STOPPED)
            return true;
    return false;
}

void jobs_hangup(struct job_table *t)
{
    for (size_t i = 0; i < t->len; i++) {
        struct job *j = t->jobs[i];
        if (job_state(j) == JOB_DONE)
            continue;
        if (j->pgid <= 0) {     /* set +m: no group of its own, its processes one by one */
            for (size_t k = 0; k < j->nprocs; k++)
                if (j->procs[k].state != JOB_DONE)
                    sys_kill(j->procs[k].pid, SIGHUP, "the terminal hung up: hang up the job");
            continue;
        }
        sys_kill(-j->pgid, SIGHUP, "the terminal hung up: hang up the job");
        if (job_state(j) == JOB_STOPPED)
            sys_kill(-j->pgid, SIGCONT, "a stopped job must wake to see the hangup");
    }
}
