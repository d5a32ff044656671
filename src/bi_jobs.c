/*
 * bi_jobs.c -- job-control builtins: jobs, fg, bg, wait, kill, disown.
 *
 * Owns: their arguments (job specs %n %% %+ %- %str, pids, signal names).
 * Never: waits or sends SIGCONT itself; jobs.c does (job_wait,
 *        job_continue), so the terminal hand-over lives in one place.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bi.h"
#include "diag.h"
#include "jobs.h"
#include "shell.h"
#include "signals.h"
#include "sys.h"

/* The job SPEC names (NULL: the current job), or NULL after "WHAT: SPEC: no such job". */
static struct job *jobs_lookup(struct shell *sh, const char *what, const char *spec)
{
    bool ambiguous = false;
    struct job *j = spec == NULL ? sh->jobs.current : job_find(&sh->jobs, spec, &ambiguous);
    if (j != NULL)
        return j;
    if (spec == NULL)
        diag_error(what, "no current job");
    else if (ambiguous)
        diag_error(what, "%s: ambiguous job spec", spec);
    else
        diag_error(what, "%s: no such job", spec);
    return NULL;
}

/* ==== jobs ==== */

static void jobs_show(struct shell *sh, struct job *j, unsigned flags)
{
    if (flags & 2u)
        printf("%ld\n", (long)(j->pgid != 0 ? j->pgid : j->procs[0].pid));
    else
        job_print(&sh->jobs, j, stdout, (flags & 1u) != 0);
    j->notified = true;
}

/* jobs [-l|-p] [spec...] -- list jobs; finished ones are dropped once listed. */
int bi_jobs(struct shell *sh, int argc, char **argv)
{
    unsigned flags;     /* bit 0: -l, bit 1: -p */
    int status = 0;
    int i = bi_options(argc, argv, "lp", &flags);
    if (i < 0)
        return 2;
    jobs_reap(&sh->jobs);
    if (i < argc) {
        for (; i < argc; i++) {
            struct job *j = jobs_lookup(sh, "jobs", argv[i]);
            if (j == NULL)
                status = 1;
            else
                jobs_show(sh, j, flags);
        }
    } else {
        for (size_t k = 0; k < sh->jobs.len; k++) {
            struct job *j = sh->jobs.jobs[k];
            if (j != NULL && j->id != 0 && j->nprocs > 0)
                jobs_show(sh, j, flags);
        }
    }
    for (size_t k = 0; k < sh->jobs.len; k++) {
        struct job *j = sh->jobs.jobs[k];
        if (j != NULL && j->id != 0 && j->notified && job_state(j) == JOB_DONE)
            job_remove(&sh->jobs, j);
    }
    return status;
}

/* ==== fg bg ==== */

/* fg [spec] -- continue a job in the foreground and wait for it. */
int bi_fg(struct shell *sh, int argc, char **argv)
{
    struct job *j;
    if (!sh->jobs.job_control) {
        diag_error("fg", "no job control");
        return 1;
    }
    j = jobs_lookup(sh, "fg", argc > 1 ? argv[1] : NULL);
    if (j == NULL)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);     /* before the job writes to the terminal */
    signals_watch_hangup(sh, true);
    int status = job_continue(&sh->jobs, j, true, sh->opt.pipefail);
    signals_watch_hangup(sh, false);
    signals_hangup_check(sh);     /* SIGHUP meanwhile: hang up the jobs and exit */
    return status;
}

/* bg [spec...] -- continue stopped jobs in the background. */
int bi_bg(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    if (!sh->jobs.job_control) {
        diag_error("bg", "no job control");
        return 1;
    }
    for (int i = 1; i < argc || i == 1; i++) {
        struct job *j = jobs_lookup(sh, "bg", i < argc ? argv[i] : NULL);
        if (j == NULL) {
            status = 1;
            continue;
        }
        printf("[%d]%c %s &\n", j->id, j == sh->jobs.current ? '+' : j == sh->jobs.previous ? '-' : ' ',
               j->text);
        job_continue(&sh->jobs, j, false, sh->opt.pipefail);
    }
    return status;
}

/* ==== wait ==== */

/* A process's status as $? shows it. */
static int wait_status_of(int wstatus)
{
    if (WIFSIGNALED(wstatus))
        return STATUS_SIGBASE + WTERMSIG(wstatus);
    if (WIFSTOPPED(wstatus))
        return STATUS_SIGBASE + WSTOPSIG(wstatus);
    return WEXITSTATUS(wstatus);
}

/* No child is left to wait for (a job the kernel no longer knows). */
static bool wait_no_children(void)
{
    siginfo_t info;
    return waitid(P_ALL, 0, &info, WEXITED | WSTOPPED | WNOHANG | WNOWAIT) < 0 && errno == ECHILD;
}

/* Is there anything that could interrupt `wait`: a trap (not '') or,
 * interactive, Ctrl-C? */
static bool wait_may_be_interrupted(const struct shell *sh)
{
    if (sh->opt.interactive)
        return true;
    for (int sig = 1; sig < NSIG; sig++)
        if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0')
            return true;
    return false;
}

/*
 * Sleep until J is no longer running or a signal interrupts the wait: a
 * trapped one (XCU 2.11: `wait` returns 128+N at once, and the trap runs
 * next), or Ctrl-C at an interactive shell (130; the jobs go on).  Returns
 * that signal, or 0.  Every signal is blocked between the look at the
 * flags and sigsuspend, which unblocks and sleeps in one step: a signal
 * cannot slip in between and leave us asleep.
 */
static int wait_interruptible(struct shell *sh, struct job *j)
{
    sigset_t old;
    int sig = 0;
    if (sh->jobs.noreap || !wait_may_be_interrupted(sh))
        return 0;   /* job_wait's plain blocking waitpid will do (and narrates better) */
    signals_block_chld(&old);
    for (;;) {
        jobs_reap(&sh->jobs);
        if (job_state(j) != JOB_RUNNING || wait_no_children())
            break;
        sig = signals_trapped_pending(sh);
        if (sig == 0 && sh->opt.interactive && signals_got_int)
            sig = SIGINT;
        if (sig == 0 && signals_hung_up(sh))
            sig = SIGHUP;
        if (sig != 0)
            break;
        sigsuspend(&old);   /* returns after any handler ran: SIGCHLD or a trap's */
    }
    signals_restore_mask(&old);
    signals_hangup_check(sh);     /* SIGHUP: hang up the jobs and exit */
    return sig;
}

/* Wait for job J; PID > 0 picks that process's status.  The job is then
 * forgotten.  *SIG: the signal that interrupted the wait (then J stays).
 * REPORT: say on stderr if J died of a signal. */
static int wait_job(struct shell *sh, struct job *j, pid_t pid, bool report, int *sig)
{
    *sig = wait_interruptible(sh, j);
    if (*sig != 0)
        return STATUS_SIGBASE + *sig;
    int status = job_wait(&sh->jobs, j, sh->opt.pipefail);
    if (job_by_pid(&sh->jobs, j->procs[0].pid) != j)
        return status;      /* job_wait removed it already */
    /* `wait %n` says why the job died, as dash does; `wait` alone does not,
     * and when interactive the job notice says it */
    if (job_state(j) == JOB_DONE && report && !sh->opt.interactive)
        job_report_signal(&sh->jobs, j);
    for (size_t k = 0; pid > 0 && k < j->nprocs; k++)
        if (j->procs[k].pid == pid)
            status = wait_status_of(j->procs[k].wstatus);
    if (job_state(j) == JOB_DONE)
        job_remove(&sh->jobs, j);
    return status;
}

/* One operand of wait: %job or pid.  127 if unknown. */
static int wait_one(struct shell *sh, const char *arg, int *sig)
{
    struct job *j;
    pid_t pid = 0;
    if (arg[0] == '%') {
        j = jobs_lookup(sh, "wait", arg);
    } else {
        char *end;
        long v = strtol(arg, &end, 10);
        if (*end != '\0' || end == arg || v <= 0) {
            diag_error("wait", "%s: Illegal number", arg);
            return 2;
        }
        pid = (pid_t)v;
        j = job_by_pid(&sh->jobs, pid);
    }
    return j == NULL ? STATUS_NOTFOUND : wait_job(sh, j, pid, true, sig);
}

/* wait [pid|%job...] -- wait for the given jobs, or all of them (status 0).
 * A trapped signal (or ^C when interactive) ends it early with 128+N. */
int bi_wait(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    int sig = 0;
    if (argc > 1) {
        for (int i = 1; i < argc && sig == 0; i++)
            status = wait_one(sh, argv[i], &sig);
        return status;
    }
    for (size_t k = 0; k < sh->jobs.len; k++) {
        struct job *j = sh->jobs.jobs[k];
        size_t before = sh->jobs.len;
        if (j != NULL && j->nprocs > 0)
            status = wait_job(sh, j, 0, false, &sig);
        if (sig != 0)
            return status;
        if (sh->jobs.len < before)
            k--;    /* job_remove moved the next job into slot k (wraps to 0 and back) */
    }
    return 0;
}

/* ==== kill ==== */

/* kill -l [status...]: signal names (one per line), or the name for each status. */
static int kill_list(int argc, char **argv, int i)
{
    if (i >= argc) {
        for (int sig = 1; sig < NSIG; sig++)
            if (signal_name(sig) != NULL)
                puts(signal_name(sig));
        return 0;
    }
    for (; i < argc; i++) {
        char *end;
        long n = strtol(argv[i], &end, 10);
        if (*end != '\0' || end == argv[i]) {
            int sig = signal_number(argv[i]);
            if (sig <= 0) {
                diag_error("kill", "invalid signal number or name: %s", argv[i]);
                return 2;
            }
            printf("%d\n", sig);
            continue;
        }
        if (n > STATUS_SIGBASE)
            n -= STATUS_SIGBASE;
        if (n <= 0 || n >= NSIG || signal_name((int)n) == NULL) {
            diag_error("kill", "invalid signal number or exit status: %s", argv[i]);
            return 2;
        }
        puts(signal_name((int)n));
    }
    return 0;
}

/* Send SIG to one operand: %job (its group, or each process) or a pid. */
static int kill_one(struct shell *sh, const char *arg, int sig)
{
    char *end;
    long pid;
    if (arg[0] == '%') {
        struct job *j = jobs_lookup(sh, "kill", arg);
        if (j == NULL)
            return 1;
        jobs_reap(&sh->jobs);   /* is it still there to receive the signal? */
        if (job_state(j) == JOB_DONE) {
            diag_error("kill", "%s: the job has finished", arg);
            return 1;
        }
        /* a stopped job only sees SIGTERM once continued: wake it too (bash) */
        bool wake = job_state(j) == JOB_STOPPED && sig != SIGKILL && sig != SIGCONT;
        if (j->pgid != 0 && sys_kill(-j->pgid, sig, "kill builtin: job's group") < 0)
            return -1;
        if (j->pgid != 0)
            return wake && sys_kill(-j->pgid, SIGCONT, "let the stopped job see it") < 0 ? -1 : 0;
        for (size_t k = 0; k < j->nprocs; k++)
            if (j->procs[k].state != JOB_DONE && sys_kill(j->procs[k].pid, sig, "kill builtin") < 0)
                return -1;
        return 0;
    }
    pid = strtol(arg, &end, 10);
    if (*end != '\0' || end == arg) {
        diag_error("kill", "%s: arguments must be process or job IDs", arg);
        return 1;
    }
    return sys_kill((pid_t)pid, sig, "kill builtin") < 0 ? -1 : 0;
}

/* The signal of "-s SIG", "-SIG", "-n N"; *i moves past it.  -1: reported. */
static int kill_signal(int argc, char **argv, int *i)
{
    const char *spec = argv[*i] + 1;
    int sig;
    if (strcmp(argv[*i], "-s") == 0 || strcmp(argv[*i], "-n") == 0) {
        if (*i + 1 >= argc) {
            diag_error("kill", "No arg for %s option", argv[*i]);
            return -1;
        }
        spec = argv[++*i];
    }
    (*i)++;
    sig = signal_number(spec);
    if (sig < 0 || sig >= NSIG)
        diag_error("kill", "invalid signal number or name: %s", spec);
    return sig < 0 || sig >= NSIG ? -1 : sig;
}

static void kill_usage(void)
{
    diag_error("kill", "usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or kill -l [exitstatus]");
}

/* kill [-s SIG | -SIG | -n N] pid|%job...  /  kill -l [status...] */
int bi_kill(struct shell *sh, int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;
    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return kill_list(argc, argv, 2);
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0' && strcmp(argv[1], "--") != 0) {
        sig = kill_signal(argc, argv, &i);
        if (sig < 0)
            return 2;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc) {
        kill_usage();
        return 2;
    }
    for (; i < argc; i++) {
        int r = kill_one(sh, argv[i], sig);
        if (r < 0)
            diag_error("kill", "%s: %s", argv[i], strerror(errno));
        if (r != 0)
            status = 1;
    }
    return status;
}

/* ==== disown ==== */

/* disown [spec...] -- forget jobs (they keep running; the shell stops tracking them). */
int bi_disown(struct shell *sh, int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc || i == 1; i++) {
        struct job *j = jobs_lookup(sh, "disown", i < argc ? argv[i] : NULL);
        if (j == NULL)
            status = 1;
        else
            job_remove(&sh->jobs, j);
    }
    return status;
}
