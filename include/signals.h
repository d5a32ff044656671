/*
 * signals.h -- signal dispositions of the shell and its children, and the
 * flags that handlers set for the shell to act on at safe points.
 *
 * Owns: every sigaction the shell makes; signal names and numbers.
 * Never: does real work in a handler: handlers only set a flag.
 */
#ifndef MINISH_SIGNALS_H
#define MINISH_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

struct shell;

/* Install the shell's own dispositions (XCU 2.11): SIGCHLD caught (a flag);
 * INTERACTIVE: SIGINT and SIGHUP caught, SIGQUIT and SIGTERM ignored;
 * JOB_CONTROL (-m, interactive or not): SIGTSTP SIGTTIN SIGTTOU ignored.
 * The first call records which signals were ignored on entry. */
void signals_init(bool interactive, bool job_control);
/* A job-control shell that took terminal TTY from process group PGID:
 * every signal that would kill it at its default (no trap, not ignored)
 * first gives the terminal back to PGID, then kills it as before, so the
 * parent is never left in the background (`kill -TERM` of `minish -m`).
 * `trap - SIG` restores this; children get SIG_DFL as always. */
void signals_handback(int tty, pid_t pgid);
/* In a forked child (a subshell, or before exec): every signal the shell
 * set for itself back to the default, traps reset, `trap ''` and what was
 * ignored on entry kept ignored; BACKGROUND without job control also
 * ignores SIGINT and SIGQUIT for good (POSIX, `cmd &` in a script).  The
 * child is no longer interactive; SIGCHLD stays caught (a subshell waits
 * for its own children).  Ends with an empty signal mask. */
void signals_child(const struct shell *sh, bool background);
/* Just before exec (a vfork child, or the exec builtin): the dispositions
 * a program starts with, as signals_child, and an empty mask.  Only
 * sigaction and sigprocmask: changes nothing in the shell's memory. */
void signals_exec(const struct shell *sh);
/* For posix_spawn (POSIX_SPAWN_SETSIGDEF): the signals the program must
 * find at SIG_DFL.  False if it cannot express the child's dispositions
 * (a signal the shell catches must stay ignored): use vfork then. */
bool signals_spawn_default(const struct shell *sh, sigset_t *set);

/* Block every signal from before a fork until the child is in the job
 * table (and, in the child, until signals_child has reset its
 * dispositions); *OLD receives the mask to give back with
 * signals_restore_mask.  No signal is lost, none is handled too early. */
void signals_block_chld(sigset_t *old);
void signals_restore_mask(const sigset_t *old);

/* Around the wait for a foreground job: if SIGINT is at its default (a
 * script, a subshell), catch it meanwhile so that the shell outlives the
 * child; signals_int_resume then dies of it if it came (dash).  Returns
 * whether it did anything; pass that to signals_int_resume. */
bool signals_int_defer(void);
void signals_int_resume(bool deferred);

/* Set by handlers; read and clear them at safe points. */
extern volatile sig_atomic_t signals_got_chld;
extern volatile sig_atomic_t signals_got_int;
/* SIGHUP (the terminal went away) reached an interactive shell: input.c
 * answers end of input, so the shell exits through shell_exit and saves
 * its history; nothing is done in the handler itself. */
extern volatile sig_atomic_t signals_got_hup;
/* An untrapped SIGHUP reached the interactive shell (not a subshell). */
bool signals_hung_up(const struct shell *sh);
/* Around an interactive shell's wait for a foreground job: WATCH true
 * lets an untrapped SIGHUP end the wait at once (sh->jobs.stop), false
 * after the wait. */
void signals_watch_hangup(struct shell *sh, bool watch);
/* SIGHUP reached the interactive shell and no trap takes it: send SIGHUP
 * to its jobs (and SIGCONT to stopped ones), save the history and exit
 * 129 (shell_exit), as bash does.  Returns if there is no such hangup. */
void signals_hangup_check(struct shell *sh);
/* True if signal SIG arrived since the last signals_take(SIG). */
bool signals_take(int sig);
/* Catch SIG for a trap (flag only), ignore it, or restore the default. */
void signals_trap(int sig);
void signals_ignore(int sig);
void signals_default(int sig);
/* Run the actions of trapped signals that arrived (through sh->ops.eval). */
void signals_run_traps(struct shell *sh);
/* A trapped signal (not ignored) that arrived and whose action has not run
 * yet, or 0: it interrupts `wait` (status 128+N, then the action runs). */
int signals_trapped_pending(const struct shell *sh);

/* "INT" or "SIGINT" or "2" to 2; -1 if unknown.  0 is EXIT. */
int signal_number(const char *name);
/* 2 to "INT"; NULL if unknown. */
const char *signal_name(int sig);
/* "Interrupt", "Killed", ... (strsignal without locale surprises). */
const char *signal_describe(int sig);

#endif
