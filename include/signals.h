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

/* Install the shell's handlers: SIGCHLD (flag), SIGINT and SIGHUP (flags when interactive),
 * and ignore SIGQUIT SIGTSTP SIGTTIN SIGTTOU when interactive with job control. */
void signals_init(bool interactive, bool job_control);
/* In a forked child before exec: default dispositions (except ignored traps)
 * and an empty signal mask.  BACKGROUND without job control also ignores
 * SIGINT and SIGQUIT, as POSIX asks for `cmd &` in a script. */
void signals_child(const struct shell *sh, bool background);

/* Block SIGCHLD from before a fork until the child is in the job table;
 * *OLD receives the mask to give back with signals_restore_mask.  (The
 * child gets an empty mask from signals_child.) */
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
/* True if signal SIG arrived since the last signals_take(SIG). */
bool signals_take(int sig);
/* Catch SIG for a trap (flag only), ignore it, or restore the default. */
void signals_trap(int sig);
void signals_ignore(int sig);
void signals_default(int sig);
/* Run the actions of trapped signals that arrived (through sh->ops.eval). */
void signals_run_traps(struct shell *sh);

/* "INT" or "SIGINT" or "2" to 2; -1 if unknown.  0 is EXIT. */
int signal_number(const char *name);
/* 2 to "INT"; NULL if unknown. */
const char *signal_name(int sig);
/* "Interrupt", "Killed", ... (strsignal without locale surprises). */
const char *signal_describe(int sig);

#endif
