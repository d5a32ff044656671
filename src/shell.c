/*
 * shell.c -- the life of struct shell: its defaults, its options ($- and
 * set -o), its positional parameters, and how it ends.
 *
 * Owns: startup variables (IFS PPID PWD PS1 PS2 PS4 OPTIND), the option
 *       table, running the EXIT trap once, freeing every table at exit.
 * Never: parses or runs commands itself; the EXIT trap runs through
 *        sh->ops.eval, which the executor filled in.
 */
#include "shell.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "path.h"
#include "sys.h"
#include "trace.h"
#include "trace_html.h"

/* dash's PATH when the environment has none. */
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/*
 * The option table, in the order `set -o` lists them (dash's order, then
 * ours).  OFFSET finds the flag inside struct shell_opts, so one table
 * serves letters, names and both listings.
 */
struct option_def {
    const char *name;
    char letter;            /* 0: only settable by name */
    size_t offset;
};

#define OPT(name, letter) { #name, letter, offsetof(struct shell_opts, name) }
static const struct option_def options[] = {
    OPT(errexit, 'e'),   OPT(noglob, 'f'),    OPT(ignoreeof, 0),
    OPT(interactive, 'i'), OPT(monitor, 'm'), OPT(noexec, 'n'),
    OPT(xtrace, 'x'),    OPT(verbose, 'v'),   OPT(vi, 0),
    OPT(emacs, 0),       OPT(noclobber, 'C'),
    OPT(allexport, 'a'), OPT(notify, 'b'),    OPT(nounset, 'u'),
    OPT(pipefail, 0),    OPT(trace, 0),       OPT(noreap, 0),
    OPT(step, 0),        OPT(subreaper, 0),
};
#undef OPT
#define NOPTIONS (sizeof options / sizeof options[0])

/* The order of letters in $-: dash prints them in this order ("ie", "uaCfe"). */
static const char flag_order[] = "ubaCvxnmife";

/*
 * Teaching: a private close-on-exec copy of the stderr the shell STARTED
 * with, made once in shell_init, where `set -o trace` narrates.  Copied
 * at startup, not when the trace is turned on, so that
 * `{ set -o trace; ls; } 2>f` narrates to the terminal, not into f.
 * One per process, like the trace descriptor in sys.c it feeds.
 */
static int trace_stderr = -1;

static bool *option_flag(struct shell_opts *o, const struct option_def *d)
{
    return (bool *)((char *)o + d->offset);
}

static bool option_value(const struct shell_opts *o, const struct option_def *d)
{
    return *(const bool *)((const char *)o + d->offset);
}

/* ==== Startup ==== */

/* True if DIR is an absolute name of the current directory (so an inherited $PWD can be kept). */
static bool names_cwd(const char *dir)
{
    struct stat a, b;
    if (dir == NULL || dir[0] != '/')
        return false;
    if (stat(dir, &a) < 0 || stat(".", &b) < 0)
        return false;
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* getcwd into a buffer of our own, for a libc that does not allocate.  A
 * function of its own so that its 4 KiB frame is only there when used: in
 * init_pwd's frame it pushed the start's stack one page deeper. */
__attribute__((noinline)) static void set_pwd_from_buffer(struct vars *v)
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) != NULL)
        vars_set(v, "PWD", buf, VAR_EXPORT);
}

/* PWD: the inherited value if it is right (it keeps symlinks), else getcwd. */
static void init_pwd(struct vars *v)
{
    if (names_cwd(vars_get(v, "PWD"))) {
        vars_add_flags(v, "PWD", VAR_EXPORT);
        return;
    }
    char *cwd = getcwd(NULL, 0);    /* NULL size: POSIX leaves it open, glibc allocates */
    if (cwd == NULL) {
        set_pwd_from_buffer(v);
        return;
    }
    vars_set(v, "PWD", cwd, VAR_EXPORT);
    free(cwd);
}

/* Set NAME to VALUE unless the environment already gave it a value. */
static void set_default(struct vars *v, const char *name, const char *value)
{
    if (vars_get(v, name) == NULL)
        vars_set(v, name, value, 0);
}

static void init_vars(struct shell *sh, char *const *envp)
{
    char ppid[32];
    sh->vars = vars_new();
    if (envp != NULL)
        vars_import(sh->vars, envp);
    /* IFS is never inherited: a hostile environment must not change how scripts split words */
    vars_unset(sh->vars, "IFS");
    vars_set(sh->vars, "IFS", " \t\n", 0);
    snprintf(ppid, sizeof ppid, "%ld", (long)getppid());
    vars_unset(sh->vars, "PPID");
    vars_set(sh->vars, "PPID", ppid, 0);
    vars_set(sh->vars, "OPTIND", "1", 0);
    init_pwd(sh->vars);
    set_default(sh->vars, "PATH", DEFAULT_PATH);
    set_default(sh->vars, "PS1", "\\w\\$ ");   /* the prompt code turns \w and \$ into text */
    set_default(sh->vars, "PS2", "> ");
    set_default(sh->vars, "PS4", "+ ");
}

void shell_init(struct shell *sh, char *const *envp)
{
    memset(sh, 0, sizeof *sh);
    sh->pid = getpid();
    sh->opt.emacs = true;       /* readline's default editing mode */
    init_vars(sh, envp);
    sh->funcs = funcs_new();
    sh->aliases = alias_new();
    jobs_init(&sh->jobs);
    sh->arg0 = xstrdup("minish");
    /* -1 if stderr was closed: `set -o trace` then says it cannot narrate */
    trace_stderr = sys_dup_above(STDERR_FILENO, 10, "keep the original stderr for the trace");
}

static void free_params(struct shell *sh)
{
    for (int i = 0; i < sh->nparams; i++)
        free(sh->params[i]);
    free(sh->params);
    sh->params = NULL;
    sh->nparams = 0;
}

void shell_free(struct shell *sh)
{
    free_params(sh);
    free(sh->arg0);
    sh->arg0 = NULL;
    for (int i = 0; i < NSIG; i++) {
        free(sh->traps[i]);
        sh->traps[i] = NULL;
    }
    free(sh->exit_trap);
    sh->exit_trap = NULL;
    jobs_free(&sh->jobs);
    alias_free(sh->aliases);
    funcs_free(sh->funcs);
    vars_free(sh->vars);
    sh->aliases = NULL;
    sh->funcs = NULL;
    sh->vars = NULL;
    if (trace_stderr >= 0) {
        sys_trace_set(-1);  /* nothing may narrate into a closed (or reused) descriptor */
        sys_close(trace_stderr, "the trace's copy of stderr");
        trace_stderr = -1;
    }
}

void shell_set_params(struct shell *sh, char *const *argv, int n)
{
    /* copy first: ARGV may be the current parameters themselves (set -- "$@") */
    char **copy = xcalloc((size_t)n + 1, sizeof *copy);
    for (int i = 0; i < n; i++)
        copy[i] = xstrdup(argv[i]);
    free_params(sh);
    sh->params = copy;
    sh->nparams = n;
}

/* ==== Options ==== */

const char *shell_flags(const struct shell *sh, char *buf)
{
    size_t len = 0;
    for (const char *c = flag_order; *c != '\0'; c++) {
        for (size_t i = 0; i < NOPTIONS; i++) {
            if (options[i].letter == *c && option_value(&sh->opt, &options[i]))
                buf[len++] = *c;
        }
    }
    buf[len] = '\0';
    return buf;
}

/*
 * Options whose change must reach another module right away: the job
 * table's job_control flag follows -m, and the teaching trace needs its
 * private descriptor opened or closed.
 */
static void option_changed(struct shell *sh, const struct option_def *d)
{
    if (d->offset == offsetof(struct shell_opts, vi)) {
        sh->opt.emacs = !sh->opt.vi;        /* one editing mode: input.c applies it */
    } else if (d->offset == offsetof(struct shell_opts, emacs)) {
        sh->opt.vi = !sh->opt.emacs;
    } else if (d->offset == offsetof(struct shell_opts, monitor)) {
        sh->jobs.job_control = sh->opt.monitor;
    } else if (d->offset == offsetof(struct shell_opts, noreap)) {
        sh->jobs.noreap = sh->opt.noreap;   /* teaching: jobs.c leaves zombies alone */
    } else if (d->offset == offsetof(struct shell_opts, subreaper)) {
        /* teaching: orphans come to the shell instead of init (Linux only) */
        if (sys_subreaper(sh->opt.subreaper) < 0) {
            diag_error("subreaper", "prctl(PR_SET_CHILD_SUBREAPER): %s", strerror(errno));
            sh->opt.subreaper = false;
        }
    } else if (d->offset == offsetof(struct shell_opts, step)) {
        /* teaching: pause before fork, exec and wait; only with a terminal to ask on */
        trace_step_set(sh->opt.step && sh->opt.interactive ? sh->jobs.tty_fd : -1);
    } else if (d->offset == offsetof(struct shell_opts, trace)) {
        /* the startup copy of stderr: `2>/dev/null` or `{ set -o trace; ls; } 2>f`
         * must neither silence the trace nor send it into f */
        if (sh->opt.trace && trace_stderr < 0)
            diag_error("trace", "stderr was closed when the shell started");
        sys_trace_set(sh->opt.trace ? trace_stderr : -1);
    }
}

static int set_option(struct shell *sh, const struct option_def *d, bool on)
{
    *option_flag(&sh->opt, d) = on;
    option_changed(sh, d);
    return 0;
}

int shell_set_option_letter(struct shell *sh, char letter, bool on)
{
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (letter != 0 && options[i].letter == letter)
            return set_option(sh, &options[i], on);
    }
    return -1;
}

/* set -o spawn=fork|vfork|posix_spawn|auto */
static const char *const spawn_names[] = {"auto", "fork", "vfork", "posix_spawn"};

static int set_spawn(struct shell *sh, const char *value)
{
    for (size_t i = 0; i < sizeof spawn_names / sizeof spawn_names[0]; i++) {
        if (strcmp(spawn_names[i], value) == 0) {
            sh->opt.spawn = (enum spawn_mode)i;
            return 0;
        }
    }
    return -1;
}

/* set -o trace-html=FILE: one page per session (docs/trace-format.md). */
static int set_trace_html(struct shell *sh, const char *path)
{
    const char *open = trace_html_path();
    if (open != NULL) {
        diag_error("trace-html", "this session already writes %s (one page per session)", open);
        return -2;
    }
    if (trace_html_open(path, sh->opt.interactive) < 0) {
        diag_error("trace-html", "%s: %s", path, strerror(errno));
        return -2;
    }
    return 0;
}

int shell_set_option_name(struct shell *sh, const char *name, bool on)
{
    if (strncmp(name, "spawn=", 6) == 0)
        return on ? set_spawn(sh, name + 6) : -1;
    if (strncmp(name, "trace-html=", 11) == 0)
        return on ? set_trace_html(sh, name + 11) : -1;
    if (strcmp(name, "trace-html") == 0 && !on) {
        trace_html_close();     /* the page keeps what it has */
        return 0;
    }
    for (size_t i = 0; i < NOPTIONS; i++) {
        if (strcmp(options[i].name, name) == 0)
            return set_option(sh, &options[i], on);
    }
    return -1;
}

void shell_print_options(const struct shell *sh, bool human)
{
    if (human)
        printf("Current option settings\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        bool on = option_value(&sh->opt, &options[i]);
        if (human)
            printf("%-16s%s\n", options[i].name, on ? "on" : "off");
        else
            printf("set %co %s\n", on ? '-' : '+', options[i].name);
    }
    const char *spawn = spawn_names[sh->opt.spawn];
    if (human)
        printf("%-16s%s\n", "spawn", spawn);
    else
        printf("set -o spawn=%s\n", spawn);
    const char *page = trace_html_path();
    if (page != NULL && human)
        printf("%-16s%s%s\n", "trace-html", page, trace_html_recording() ? "" : " (stopped)");
}

/* ==== Exit ==== */

/* Run the EXIT trap once.  Returns the status to exit with: STATUS, or the
 * status of an `exit` run inside the trap. */
static int run_exit_trap(struct shell *sh, int status)
{
    char *action = sh->exit_trap;
    if (action == NULL || sh->ops.eval == NULL)
        return status;
    sh->exit_trap = NULL;   /* once: an `exit` inside the trap must not run it again */
    sh->last_status = status;
    sh->jump = JUMP_NONE;
    sh->trap = (struct shell_trap_state){ true, status, sh->func_depth };
    sh->ops.eval(sh, action, "trap");
    free(action);
    return sh->jump == JUMP_EXIT ? sh->last_status : status;
}

/*
 * An interactive shell that leaves stopped jobs behind hangs them up and
 * continues them, as the kernel would for an orphaned process group, so
 * that nothing stays stopped forever.
 */
static void hangup_stopped_jobs(struct shell *sh)
{
    for (size_t i = 0; i < sh->jobs.len; i++) {
        struct job *j = sh->jobs.jobs[i];
        if (j == NULL || j->pgid <= 0 || job_state(j) != JOB_STOPPED)
            continue;
        sys_kill(-j->pgid, SIGHUP, "hang up a stopped job at exit");
        sys_kill(-j->pgid, SIGCONT, "let it see the hangup");
    }
}

_Noreturn void shell_exit(struct shell *sh, int status)
{
    bool subshell = sh->is_subshell;
    status = run_exit_trap(sh, status);
    if (sh->opt.interactive && !subshell) {
        if (sh->ops.at_exit != NULL)
            sh->ops.at_exit(sh);
        if (sh->jobs.job_control)
            hangup_stopped_jobs(sh);
    }
    if (!subshell)
        jobs_tty_release(&sh->jobs);    /* the terminal goes back to whoever had it */
    shell_free(sh);
    fflush(NULL);
    if (subshell)
        _exit(status & 0xff);   /* a forked child: never run the parent's atexit work */
    exit(status & 0xff);
}

int shell_set_var(struct shell *sh, const char *name, const char *value, unsigned flags)
{
    if (sh->opt.allexport)
        flags |= VAR_EXPORT;
    if (strcmp(name, "PATH") == 0)
        path_forget();          /* every remembered command was found with the old PATH */
    return vars_set(sh->vars, name, value, flags);
}

void shell_error_exit(struct shell *sh, int status)
{
    sh->last_status = status;
    /* Unwind rather than exit here, so that redirections are undone and
     * descriptors closed on the way out; the top level calls shell_exit. */
    sh->jump = sh->opt.interactive ? JUMP_ABORT : JUMP_EXIT;
    sh->jump_count = 0;
    sh->jump_error = true;
}
