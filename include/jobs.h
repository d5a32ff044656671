/*
 * jobs.h -- the job table: every child the shell starts is recorded here and
 * reaped through here, so no zombie is left behind.
 *
 * Owns: jobs and their processes (malloc; they outlive the command's arena),
 *       turning waitpid statuses into states, %job lookup, "Done"/"Stopped"
 *       notices, handing the terminal to a foreground job and back.
 * Never: forks or parses; the executor starts processes and adds them here.
 *
 * State changes of a process, as waitpid reports them:
 *
 *     RUNNING --WIFSTOPPED--> STOPPED --SIGCONT (fg/bg)--> RUNNING
 *     RUNNING or STOPPED --WIFEXITED/WIFSIGNALED--> DONE
 *
 * A job is DONE when all its processes are, STOPPED when none runs and one
 * is stopped, RUNNING otherwise.
 */
#ifndef MINISH_JOBS_H
#define MINISH_JOBS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <termios.h>

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct process {
    pid_t pid;
    int wstatus;                /* the last status waitpid reported */
    enum job_state state;
    char *text;                 /* this stage's command, for `jobs -l` */
};

struct job {
    int id;                     /* %1, %2, ...; listed jobs only (0 for hidden ones) */
    pid_t pgid;                 /* process group (the first stage's pid); 0 without job control */
    char *text;                 /* "sleep 5 | wc -l", as `jobs` shows it */
    struct process *procs;      /* one per pipeline stage */
    size_t nprocs, cap;
    bool background;            /* started with & or continued with bg */
    bool notified;              /* its last state change was reported */
    bool saved_tmodes_valid;    /* tmodes holds the terminal modes it stopped with */
    struct termios tmodes;
};

struct job_table {
    struct job **jobs;          /* in order of creation; NULL slots are free */
    size_t len, cap;
    struct job *current;        /* %+ */
    struct job *previous;       /* %- */
    bool job_control;           /* set -m: jobs get their own process groups */
    bool noreap;                /* set -o noreap (teaching): no WNOHANG reaping, and a
                                 * foreground wait waits for its own pids only, so finished
                                 * background children stay zombies until `wait`/`reap` */
    int tty_fd;                 /* the terminal (close-on-exec), -1 if none */
    pid_t shell_pgid;
    pid_t tty_orig_pgid;        /* the terminal's foreground group when the shell took it */
    struct termios shell_tmodes;/* restored when the shell takes the terminal back */
    volatile sig_atomic_t *stop;/* set by a handler: a foreground wait returns at once,
                                 * the job still running (an interactive shell's SIGHUP) */
    int msg_fd;                 /* job_report_signal writes here (2, or -1: nowhere), */
    const char *msg_path;       /* or, if not NULL, appends to this file: a simple
                                 * command's own `2>file` (set around its wait) */
};

void jobs_init(struct job_table *t);
/* Frees every job (does not wait: call jobs_reap first if needed). */
void jobs_free(struct job_table *t);
/* Remember the terminal's modes as the shell's own, restored whenever the
 * shell takes the terminal back from a job.  Called while the shell owns
 * the terminal and before it forks: a foreground child takes the terminal
 * itself and may change the modes (stty raw) before the parent looks. */
void jobs_save_tty_modes(struct job_table *t);

/* A new empty job.  BACKGROUND jobs get an id (%n) and are listed by `jobs`. */
struct job *job_new(struct job_table *t, const char *text, bool background);
/* Add a process (a pipeline stage).  The executor sets j->pgid itself
 * (the first stage's pid) when job control gives the job its own group. */
void job_add_process(struct job *j, pid_t pid, const char *text);
/* Record waitpid's STATUS for PID.  Returns its job, or NULL if no job has it. */
struct job *job_record(struct job_table *t, pid_t pid, int wstatus);
enum job_state job_state(const struct job *j);
/* The job's exit status: its last process's (128+N if killed by signal N).
 * With PIPEFAIL, the last non-zero status of any stage. */
int job_status(const struct job *j, bool pipefail);
/* Remove J from the table and free it. */
void job_remove(struct job_table *t, struct job *j);
/* The job with process PID, or NULL. */
struct job *job_by_pid(struct job_table *t, pid_t pid);

/*
 * Wait until J is no longer running (done, or stopped when job control is
 * on), reaping any other child that changes state meanwhile.  With job
 * control, J gets the terminal first and the shell takes it back after.
 * Returns the job's status (128+SIGTSTP etc. when it stopped).  A foreground
 * job that is done is removed from the table.
 */
int job_wait(struct job_table *t, struct job *j, bool pipefail);

/* Reap every child that has changed state, without blocking. */
void jobs_reap(struct job_table *t);

/*
 * Find a job by spec: %n %% %+ %- %string %?string (the % is required),
 * or a plain pid.  NULL if there is none; *ambiguous is set for a prefix
 * that names several.  Never prints.
 */
struct job *job_find(struct job_table *t, const char *spec, bool *ambiguous);

/* Continue J (SIGCONT to its group) in the foreground or background. */
int job_continue(struct job_table *t, struct job *j, bool foreground, bool pipefail);

/* Print "[1]+  Running  sleep 5" lines. LONG adds pids (jobs -l). */
void job_print(const struct job_table *t, const struct job *j, FILE *out, bool long_form);
/* True if jobs_notify has something to print. */
bool jobs_have_notices(const struct job_table *t);
/* Print a notice for every job whose state changed and was not yet reported
 * (interactive shells, before the prompt), and drop the finished ones. */
void jobs_notify(struct job_table *t, FILE *out);
/* On stderr, why J's processes died of a signal ("Terminated", "Killed",
 * "Quit (core dumped)"; nothing for SIGINT and SIGPIPE), as dash does
 * for a job it waited for. */
void job_report_signal(const struct job_table *t, const struct job *j);
/* Drop finished background jobs without printing (non-interactive shells).
 * The newest 32 are kept, so that `wait $!` still finds their status; the
 * wait builtin removes a job once it has reported it. */
void jobs_forget_done(struct job_table *t);
/* The terminal hung up: send SIGHUP to every job's group (and SIGCONT to
 * stopped ones, so they see it), as bash does before it exits; without job
 * control, to each of a job's live processes. */
void jobs_hangup(struct job_table *t);
/* Give the terminal back to the process group that had it before job
 * control took it, and rejoin that group (before exit or `exec`), as dash
 * does; nothing if the shell led that group itself.  jobs_tty_reclaim
 * undoes it (an `exec` that failed). */
void jobs_tty_release(struct job_table *t);
void jobs_tty_reclaim(struct job_table *t);
/* True if any job is stopped (for `exit`'s warning). */
bool jobs_any_stopped(const struct job_table *t);

#endif
