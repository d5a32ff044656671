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
enum base { BASE_DEFAULT, BASE_IGNORE, BASE_FLAG };

static enum base base[NSIG];         /* the shell's own disposition */
static bool changed[NSIG];           /* we installed something: reset it in children */
/* Inherited SIG_IGN, asked of the kernel per signal the first time it
 * matters (dash does the same): 0 not asked yet, 1 ignored, 2 not. */
static unsigned char entry_state[NSIG];
static bool shell_interactive;

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

/* Install HANDLER for SIG.  SIGCHLD restarts interrupted reads (a child
 * ending must not abort readline or `read`); others interrupt them so the
 * shell notices Ctrl-C or a trapped signal promptly. */
static bool ignored_on_entry(int sig);

static void install(int sig, void (*handler)(int))
{
    (void)ignored_on_entry(sig);    /* learn it before the first change hides it */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = sig == SIGCHLD ? SA_RESTART : 0;
    if (sigaction(sig, &sa, NULL) == 0)
        changed[sig] = true;
}

static void set_base(int sig, enum base b)
{
    base[sig] = b;
    install(sig, b == BASE_FLAG ? on_signal : b == BASE_IGNORE ? SIG_IGN : SIG_DFL);
}

/* POSIX: a signal ignored on entry to a non-interactive shell stays
 * ignored.  Asked lazily, so a script that never traps a signal does not
 * pay one sigaction per signal at startup. */
static bool ignored_on_entry(int sig)
{
    if (entry_state[sig] == 0) {
        struct sigaction old;
        entry_state[sig] = sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN ? 1 : 2;
    }
    return entry_state[sig] == 1;
}

void signals_init(bool interactive, bool job_control)
{
    shell_interactive = interactive;
    set_base(SIGCHLD, BASE_FLAG);
    if (!interactive)
        return;
    set_base(SIGINT, BASE_FLAG);     /* Ctrl-C cancels the line, not the shell */
    set_base(SIGQUIT, BASE_IGNORE);
    set_base(SIGTERM, BASE_IGNORE);  /* as bash: `kill 0` must not end the shell */
    if (!ignored_on_entry(SIGHUP))   /* nohup minish -i: stay deaf to it */
        set_base(SIGHUP, BASE_FLAG); /* leave through shell_exit: the history is saved */
    if (!job_control)
        return;
    /* the shell itself must never be stopped by the terminal, nor by
     * writing to it or setting its modes while a job owns it */
    set_base(SIGTSTP, BASE_IGNORE);
    set_base(SIGTTIN, BASE_IGNORE);
    set_base(SIGTTOU, BASE_IGNORE);
}

void signals_child(const struct shell *sh, bool background)
{
    for (int sig = 1; sig < NSIG; sig++) {
        if (!changed[sig])
            continue;
        bool user_ignored = sh != NULL && sh->traps[sig] != NULL && sh->traps[sig][0] == '\0';
        if (!user_ignored)  /* POSIX: `trap '' SIG` is inherited, everything else resets */
            install(sig, SIG_DFL);
    }
    if (background && (sh == NULL || !sh->jobs.job_control)) {
        /* `cmd &` in a script: Ctrl-C at the terminal is for the foreground */
        install(SIGINT, SIG_IGN);
        install(SIGQUIT, SIG_IGN);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* ==== Around fork and wait ==== */

/*
 * The race this closes (the classic one of CS:APP's shell lab): a child
 * can run and exit before fork even returns in the parent.  If its SIGCHLD
 * were handled, and anything reaped it, before the parent recorded its
 * pid in the job table, the status would be lost (or a job would be added
 * for a pid already gone, and waited for forever).  Our handler only sets
 * a flag and reaping happens at safe points, but blocking SIGCHLD from
 * before fork until the job is recorded makes "every reaped child is in
 * the table" hold by construction, whatever a handler or trap may do.
 */
void signals_block_chld(sigset_t *old)
{
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, &chld, old) < 0)
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
    struct sigaction now;
    if (sigaction(SIGINT, NULL, &now) < 0 || now.sa_handler != SIG_DFL)
        return false;   /* interactive, trapped or ignored: their own rules */
    pending[SIGINT] = 0;
    install(SIGINT, on_signal);
    return true;
}

void signals_int_resume(bool deferred)
{
    if (!deferred)
        return;
    install(SIGINT, SIG_DFL);   /* first: a SIGINT from now on kills at once */
    if (!pending[SIGINT])
        return;
    pending[SIGINT] = 0;
    fflush(NULL);
    raise(SIGINT);      /* die of it, so that our parent sees "killed by SIGINT" */
}

/* False for signals that cannot be caught, or were ignored on entry to a
 * non-interactive shell (POSIX: those cannot be trapped or reset). */
static bool trappable(int sig)
{
    if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP)
        return false;
    return shell_interactive || !ignored_on_entry(sig);
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
    if (trappable(sig))
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
}

/* ==== Traps ==== */

/* Run the trap action for SIG with $? of the interrupted command, and give
 * that $? back afterwards, as POSIX asks (unless the action ran `exit`). */
static void run_trap(struct shell *sh, int sig)
{
    /* teaching: the handler only set a flag; here, at a safe point, the shell acts */
    const char *name = signal_name(sig);
    sys_trace_note("signal SIG%s received   # run the trap action", name != NULL ? name : "?");
    /* a copy: the action may replace its own trap (`trap - INT`) */
    char *action = xstrdup(sh->traps[sig]);
    int status = sh->last_status;
    sh->ops.eval(sh, action, "trap");
    if (sh->jump != JUMP_EXIT)
        sh->last_status = status;
    free(action);
}

void signals_run_traps(struct shell *sh)
{
    static bool running;    /* a trap action reaching a safe point must not recurse */
    if (running || sh->ops.eval == NULL || !any_pending)
        return;
    running = true;
    any_pending = 0;    /* cleared before the scan: a signal during it sets it again */
    for (int sig = 1; sig < NSIG && sh->jump != JUMP_EXIT; sig++) {
        if (!pending[sig] || sh->traps[sig] == NULL || sh->traps[sig][0] == '\0')
            continue;
        pending[sig] = 0;
        run_trap(sh, sig);
    }
    if (sh->jump == JUMP_EXIT)
        any_pending = 1;    /* the scan stopped early: look again next time */
    running = false;
}
