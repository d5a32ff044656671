/*
 * signals.c -- signal dispositions of the shell and its children, trap
 * delivery at safe points, and signal names.
 *
 * Owns: every sigaction the shell makes; the names and descriptions table.
 * Never: does real work in a handler: the one handler only sets flags, and
 *        the shell acts on them between commands (signals_run_traps).
 */
#include "signals.h"

/* glibc shows NSIG only outside strict POSIX mode; shell.h needs it too */
#ifndef NSIG
#define NSIG _NSIG
#endif

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "shell.h"
#include "sys.h"

volatile sig_atomic_t signals_got_chld;
volatile sig_atomic_t signals_got_int;
volatile sig_atomic_t signals_got_hup;

static volatile sig_atomic_t pending[NSIG];  /* arrived, not yet taken */
/* Some pending[] was set since signals_run_traps last looked: it runs at
 * every command, and scanning all NSIG entries each time showed in profiles. */
static volatile sig_atomic_t any_pending;

/* What the shell itself wants for a signal when no trap says otherwise. */
enum base { BASE_DEFAULT, BASE_IGNORE, BASE_FLAG, BASE_HANDBACK };

static enum base base[NSIG];         /* the shell's own disposition */
static bool changed[NSIG];           /* we installed something: reset it in children */
static bool caught[NSIG];            /* on_signal is installed */
static void (*installed[NSIG])(int); /* what we installed, if changed[] */
static bool ignored_on_entry[NSIG];  /* inherited SIG_IGN, if entry_known */
static bool entry_known[NSIG];       /* ignored_on_entry[] holds the answer */
static bool shell_interactive;

/* Where a job-control shell gives the terminal back if a signal kills it
 * (signals_handback): -1 until it took the terminal. */
static int handback_tty = -1;
static pid_t handback_pgid;

/* A trap string can be recorded for these, but the kernel keeps them. */
static bool uncatchable(int sig)
{
    return sig == SIGKILL || sig == SIGSTOP;
}

/* ==== Names ==== */

/* The table itself lives in sys.c (the kernel's numbers, below every
 * module that prints a status); these are the shell-facing names. */

int signal_number(const char *name)
{
    if (name == NULL || *name == '\0')
        return -1;
    if (isdigit((unsigned char)*name)) {
        char *end;
        errno = 0;
        long n = strtol(name, &end, 10);
        return (*end == '\0' && errno == 0 && n >= 0 && n < NSIG) ? (int)n : -1;
    }
    if (strcasecmp(name, "EXIT") == 0)
        return 0;
    if (strncasecmp(name, "SIG", 3) == 0)
        name += 3;
    for (int sig = 1; sig < NSIG; sig++) {
        const char *known = sys_signal_name(sig);
        if (known != NULL && strcasecmp(name, known) == 0)
            return sig;
    }
    return -1;
}

const char *signal_name(int sig)
{
    return sys_signal_name(sig);
}

const char *signal_describe(int sig)
{
    return sys_signal_describe(sig);
}

/* ==== Dispositions ==== */

/* The only handler: remember the signal, nothing else (async-signal-safe). */
static void on_signal(int sig)
{
    pending[sig] = 1;
    any_pending = 1;
    if (sig == SIGCHLD)
        signals_got_chld = 1;
    if (sig == SIGINT)
        signals_got_int = 1;
    if (sig == SIGHUP)
        signals_got_hup = 1;
}

/* In a handler of SIG: do what SIG_DFL would have done (async-signal-safe). */
static void die_as_default(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    raise(sig);         /* blocked in the handler: delivered when it returns */
}

/*
 * SIGINT of a script, once it has waited for a child (signals_int_defer):
 * caught for good, as dash does, instead of installed and taken down around
 * every wait (two system calls per command).  While the shell waits it only
 * notes the signal; at any other time it does what SIG_DFL would have done.
 * A program started by the shell gets SIG_DFL from execve itself, which
 * resets every caught signal; a forked subshell keeps the handler, which
 * behaves as the default there too.
 */
static volatile sig_atomic_t int_waiting;  /* the shell waits for a child now */

static void on_script_int(int sig)
{
    if (int_waiting)
        on_signal(sig);
    else
        die_as_default(sig);
}

/*
 * A signal that kills a job-control shell: the terminal goes back to the
 * group that had it, then the signal does what it would have done (the
 * shell dies of it, so its parent sees the signal).  Everything here is
 * async-signal-safe (the hand-back is not narrated: printing is not).
 */
static void on_fatal(int sig)
{
    if (handback_tty >= 0)
        sys_handback_in_handler(handback_tty, handback_pgid);
    die_as_default(sig);
}

/*
 * POSIX: a signal ignored on entry to a non-interactive shell stays
 * ignored.  The kernel is asked lazily, the first time a signal matters,
 * as dash does (asking for all 64 at startup was most of the system calls
 * of `minish -c true`).  Until the shell changes a disposition (install
 * records it first) the current one is the one it was started with.
 *
 * entry_ignored() writes the answer down; entry_peek() only asks, for the
 * child of vfork: it runs on the parent's memory, after resetting some of
 * its own dispositions, and must not record its view as the shell's.
 */
static bool entry_peek(int sig)
{
    if (entry_known[sig])
        return ignored_on_entry[sig];
    struct sigaction old;
    return sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN;
}

static bool entry_ignored(int sig)
{
    if (!entry_known[sig]) {
        ignored_on_entry[sig] = entry_peek(sig);
        entry_known[sig] = true;
    }
    return ignored_on_entry[sig];
}

/* Install HANDLER for SIG.  SIGCHLD restarts interrupted reads (a child
 * ending must not abort readline or `read`); others interrupt them so the
 * shell notices Ctrl-C or a trapped signal promptly. */
static void install(int sig, void (*handler)(int))
{
    (void)entry_ignored(sig);   /* asked before it changes */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = sig == SIGCHLD ? SA_RESTART : 0;
    if (sigaction(sig, &sa, NULL) == 0) {
        changed[sig] = true;
        installed[sig] = handler;
        caught[sig] = handler == on_signal;
    }
}

static void set_base(int sig, enum base b)
{
    base[sig] = b;
    install(sig, b == BASE_FLAG ? on_signal : b == BASE_IGNORE ? SIG_IGN
                 : b == BASE_HANDBACK ? on_fatal : SIG_DFL);
}

/*
 * XCU 2.11 and the sh page: an interactive shell ignores SIGTERM and
 * SIGQUIT and catches SIGINT (Ctrl-C cancels the line) and SIGHUP (it
 * leaves through shell_exit, hanging up its jobs and saving the history);
 * with job control, interactive or not (-m), it ignores SIGTSTP, SIGTTIN
 * and SIGTTOU, so the terminal can never stop the shell itself.  A script
 * keeps the defaults: `minish -m script` still dies of SIGINT or SIGTERM.
 */
void signals_init(bool interactive, bool job_control)
{
    shell_interactive = interactive;
    for (int sig = 1; sig < NSIG; sig++)
        base[sig] = BASE_DEFAULT;
    set_base(SIGCHLD, BASE_FLAG);
    if (interactive) {
        set_base(SIGINT, BASE_FLAG);
        set_base(SIGQUIT, BASE_IGNORE);
        set_base(SIGTERM, BASE_IGNORE);  /* as bash: `kill 0` must not end the shell */
        if (!entry_ignored(SIGHUP))   /* nohup minish -i: stay deaf to it */
            set_base(SIGHUP, BASE_FLAG);
    }
    if (job_control) {
        set_base(SIGTSTP, BASE_IGNORE);
        set_base(SIGTTIN, BASE_IGNORE);
        set_base(SIGTTOU, BASE_IGNORE);
        if (handback_tty >= 0)
            signals_handback(handback_tty, handback_pgid);
    }
}

/* The signals whose default action ends a process and that a shell may
 * meet from `kill` or its terminal. */
static const int fatal_signals[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGPIPE,
    SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
};

void signals_handback(int tty, pid_t pgid)
{
    handback_tty = tty;
    handback_pgid = pgid;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        int sig = fatal_signals[i];
        if (base[sig] == BASE_DEFAULT && !entry_ignored(sig))
            set_base(sig, BASE_HANDBACK);
    }
}

/*
 * What a child of the shell gets for SIG.  POSIX 2.12: traps set to ''
 * are inherited, other traps are reset; what the shell ignored for itself
 * goes back to the default; what was ignored on entry stays ignored (and
 * `cmd &` without job control ignores SIGINT and SIGQUIT).
 */
static bool child_ignores(const struct shell *sh, int sig, bool background)
{
    bool on_entry = entry_peek(sig);    /* runs in a vfork child too */
    if (on_entry && !shell_interactive)
        return true;    /* whatever `trap` said: it could not change this one */
    if (sh != NULL && sh->traps[sig] != NULL)
        return sh->traps[sig][0] == '\0';
    if (background && (sig == SIGINT || sig == SIGQUIT))
        return true;
    return on_entry;
}

/* Is what the shell installed for SIG as good as WANT in a child?  The
 * same, or on_script_int for SIG_DFL outside a wait (it acts as SIG_DFL). */
static bool installed_acts_as(int sig, void (*want)(int))
{
    if (!changed[sig])
        return false;
    return installed[sig] == want
           || (want == SIG_DFL && installed[sig] == on_script_int && !int_waiting);
}

/* Is execve's own reset enough for SIG, in a child about to exec?  It makes
 * every caught signal SIG_DFL, so a handler may stay for the few
 * instructions before it if it does no harm there, even on the memory of
 * the shell a vfork child borrows: on_script_int acts as SIG_DFL, and
 * on_signal for an untrapped SIGCHLD (only a `kill` could send it to a
 * child with no children) would at worst make the shell look for a child
 * that has not changed, which it does anyway after any SIGCHLD. */
static bool exec_resets(const struct shell *sh, int sig, void (*want)(int))
{
    if (want != SIG_DFL || !changed[sig])
        return false;
    if (installed[sig] == on_script_int)
        return !int_waiting;
    return sig == SIGCHLD && installed[sig] == on_signal
           && (sh == NULL || sh->traps[SIGCHLD] == NULL);
}

/* The disposition SIG has when the child execs, with sigaction only: safe
 * in a vfork child.  Not asked for if it is already what the shell
 * installed, or execve will make it so. */
static void child_disposition(const struct shell *sh, int sig, bool background)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = child_ignores(sh, sig, background) ? SIG_IGN : SIG_DFL;
    if (installed_acts_as(sig, sa.sa_handler) || exec_resets(sh, sig, sa.sa_handler))
        return;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* The signal mask is known to be empty: this process unblocked every
 * signal (signals_child) and has not blocked any since.  Only written by
 * a process that owns its memory, never by a vfork child. */
static bool mask_empty;

void signals_exec(const struct shell *sh)
{
    for (int sig = 1; sig < NSIG; sig++)
        if (!uncatchable(sig) && (changed[sig] || (sh != NULL && sh->traps[sig] != NULL)))
            child_disposition(sh, sig, false);
    if (mask_empty)
        return;         /* a forked stage: signals_child unblocked them already */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

void signals_child(const struct shell *sh, bool background)
{
    bool no_jc = sh == NULL || !sh->jobs.job_control;
    background = background && no_jc;
    shell_interactive = false;  /* a subshell is not interactive */
    if (background) {           /* ignored for good, as if on entry (dash) */
        ignored_on_entry[SIGINT] = entry_known[SIGINT] = true;
        ignored_on_entry[SIGQUIT] = entry_known[SIGQUIT] = true;
    }
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGCHLD || uncatchable(sig))
            continue;           /* SIGCHLD stays caught: a subshell waits too */
        base[sig] = BASE_DEFAULT;
        pending[sig] = 0;       /* the parent's signals are not ours */
        if (!changed[sig] && (sh == NULL || sh->traps[sig] == NULL) && !background)
            continue;
        void (*want)(int) = child_ignores(sh, sig, background) ? SIG_IGN : SIG_DFL;
        if (!installed_acts_as(sig, want))
            install(sig, want);
    }
    any_pending = 0;
    sigset_t none;
    sigemptyset(&none);
    mask_empty = sigprocmask(SIG_SETMASK, &none, NULL) == 0;
}

bool signals_spawn_default(const struct shell *sh, sigset_t *set)
{
    sigemptyset(set);
    for (int sig = 1; sig < NSIG; sig++) {
        if (uncatchable(sig) || (!changed[sig] && (sh == NULL || sh->traps[sig] == NULL)))
            continue;
        if (!child_ignores(sh, sig, false))
            sigaddset(set, sig);
        else if (caught[sig])
            return false;   /* posix_spawn would reset it to SIG_DFL */
    }
    return true;
}

/* ==== Around fork and wait ==== */

/*
 * The races this closes.  The classic one of CS:APP's shell lab: a child
 * can run and exit before fork even returns in the parent; if its SIGCHLD
 * were handled, and anything reaped it, before the parent recorded its
 * pid in the job table, the status would be lost.  And the child's own:
 * until it has reset its dispositions it still has the shell's (an
 * interactive shell ignores SIGTERM), so a `kill $!` that came in that
 * window would be lost.  With every signal blocked from before fork, the
 * child's signals wait, pending, until signals_child has reset the
 * dispositions, and the parent's until the job is recorded.
 */
void signals_block_chld(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    mask_empty = false;
    if (sigprocmask(SIG_BLOCK, &all, old) < 0)
        diag_error("sigprocmask", "%s", strerror(errno));
}

/* A SIGCHLD that came meanwhile is delivered now (flag set, no work). */
void signals_restore_mask(const sigset_t *old)
{
    if (sigprocmask(SIG_SETMASK, old, NULL) < 0)
        diag_error("sigprocmask", "%s", strerror(errno));
}

/*
 * Ctrl-C goes to the whole foreground process group: the job and, in a
 * script or subshell, the shell waiting for it.  Dying at once would
 * orphan a child still cleaning up after its own SIGINT, so (like dash)
 * the shell catches SIGINT while it waits, and dies of it afterwards.  A
 * SIGINT sent to the child alone never reaches the shell: it goes on.
 */
bool signals_int_defer(void)
{
    /* the disposition now, without asking: only install() changes it */
    void (*now)(int) = changed[SIGINT] ? installed[SIGINT]
                       : entry_ignored(SIGINT) ? SIG_IGN : SIG_DFL;
    if (now != SIG_DFL && now != on_script_int)
        return false;   /* interactive, trapped or ignored: their own rules */
    pending[SIGINT] = 0;
    if (now == SIG_DFL)
        install(SIGINT, on_script_int);     /* once: it stays (see on_script_int) */
    int_waiting = 1;
    return true;
}

void signals_int_resume(bool deferred)
{
    if (!deferred)
        return;
    int_waiting = 0;    /* first: a SIGINT from now on kills at once */
    if (!pending[SIGINT])
        return;
    pending[SIGINT] = 0;
    fflush(NULL);
    install(SIGINT, SIG_DFL);
    raise(SIGINT);      /* die of it, so that our parent sees "killed by SIGINT" */
}

/* False for signals that cannot be caught, or were ignored on entry to a
 * non-interactive shell (POSIX: those cannot be trapped or reset). */
static bool trappable(int sig)
{
    if (sig <= 0 || sig >= NSIG || uncatchable(sig))
        return false;
    return shell_interactive || !entry_ignored(sig);
}

bool signals_take(int sig)
{
    if (sig <= 0 || sig >= NSIG || !pending[sig])
        return false;
    pending[sig] = 0;
    return true;
}

void signals_trap(int sig)
{
    if (!trappable(sig))
        return;
    pending[sig] = 0;   /* one that came before the trap is not for it */
    install(sig, on_signal);
}

void signals_ignore(int sig)
{
    if (trappable(sig))
        install(sig, SIG_IGN);
}

void signals_default(int sig)
{
    if (!trappable(sig))
        return;
    /* `trap - TSTP` in an interactive shell gives back the shell's own
     * disposition (ignored), not SIG_DFL, or Ctrl-Z would stop the shell */
    set_base(sig, base[sig]);
    pending[sig] = 0;
    if (sig == SIGHUP)
        signals_got_hup = 0;    /* a SIGHUP its trap took is no hangup to act on now */
}

/* ==== Hanging up ==== */

bool signals_hung_up(const struct shell *sh)
{
    return signals_got_hup && sh->opt.interactive && !sh->is_subshell
           && sh->traps[SIGHUP] == NULL;
}

void signals_watch_hangup(struct shell *sh, bool watch)
{
    bool may = sh->opt.interactive && !sh->is_subshell && sh->traps[SIGHUP] == NULL;
    sh->jobs.stop = watch && may ? &signals_got_hup : NULL;
}

void signals_hangup_check(struct shell *sh)
{
    if (!signals_hung_up(sh))
        return;
    sys_trace_note("signal SIGHUP received   # the terminal hung up: hang up the jobs, exit");
    jobs_hangup(&sh->jobs);
    shell_exit(sh, STATUS_SIGBASE + SIGHUP);
}

/* ==== Traps ==== */

/* Actions nest (see signals_run_traps); this deep, a new signal waits for
 * the running actions to end instead, so `trap 'kill -USR1 $$' USR1`
 * loops like `while :` rather than overflowing the stack. */
enum { TRAP_MAX_DEPTH = 64 };
static int depth;           /* trap actions running, one inside the other */

/*
 * Run the trap action for SIG with $? of the interrupted command, and give
 * that $? back afterwards, as POSIX asks (unless the action ran `exit` or
 * `return`, whose status is the one to keep).  `exit` or `return` without
 * an operand inside the action use that $? too (sh->trap_status).
 */
static void run_trap(struct shell *sh, int sig)
{
    /* teaching: the handler only set a flag; here, at a safe point, the shell acts */
    const char *name = signal_name(sig);
    sys_trace_note("signal SIG%s received   # run the trap action", name != NULL ? name : "?");
    /* a copy: the action may replace its own trap (`trap - INT`) */
    char *action = xstrdup(sh->traps[sig]);
    int status = sh->last_status;
    /* the interrupted command may be a `break` or `continue` on its way
     * out of a loop: the action runs in full, then that jump goes on */
    enum shell_jump jump = sh->jump;
    int jump_count = sh->jump_count;
    struct shell_trap_state outer = sh->trap;
    sh->trap = (struct shell_trap_state){ true, status, sh->func_depth };
    sh->jump = JUMP_NONE;
    depth++;
    sh->ops.eval(sh, action, "trap");
    depth--;
    sh->trap = outer;
    if (sh->jump == JUMP_NONE) {
        sh->jump = jump;
        sh->jump_count = jump_count;
    }
    if (sh->jump != JUMP_EXIT && sh->jump != JUMP_RETURN)
        sh->last_status = status;
    free(action);
}

/*
 * At a safe point: run the action of every trapped signal that arrived.
 * This nests: a signal that arrives during an action has its own action
 * run at the action's next command boundary, even if it is the same signal
 * (as dash, bash and ksh do: `kill -INT $$` inside a TERM trap runs the
 * INT trap before going on).
 */
void signals_run_traps(struct shell *sh)
{
    if (sh->ops.eval == NULL || !any_pending)
        return;
    any_pending = 0;    /* cleared before the scan: a signal during it sets it again */
    bool deferred = false;
    for (int sig = 1; sig < NSIG; sig++) {
        if (!pending[sig] || sh->traps[sig] == NULL || sh->traps[sig][0] == '\0')
            continue;
        if (depth >= TRAP_MAX_DEPTH || sh->jump == JUMP_EXIT) {
            deferred = true;    /* look again once the actions (or the exit) are done */
            continue;
        }
        pending[sig] = 0;
        run_trap(sh, sig);
    }
    if (deferred)
        any_pending = 1;
}

int signals_trapped_pending(const struct shell *sh)
{
    if (!any_pending)
        return 0;
    for (int sig = 1; sig < NSIG; sig++)
        if (pending[sig] && sh->traps[sig] != NULL && sh->traps[sig][0] != '\0')
            return sig;
    return 0;
}
