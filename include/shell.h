/*
 * shell.h -- struct shell: the state every module shares ($?, options,
 * positional parameters, variables, functions, aliases, jobs, traps).
 *
 * Owns: the shell's lifetime (shell_init/shell_free), $- and the option
 *       table, and how the shell exits (shell_exit runs the EXIT trap).
 * Never: parses or runs commands itself; running goes through sh->ops,
 *        which the executor fills in, so that lower modules (expand,
 *        builtins) can run code without including exec.h.
 */
#ifndef MINISH_SHELL_H
#define MINISH_SHELL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "ast.h"
#include "funcs.h"
#include "jobs.h"
#include "strbuf.h"
#include "vars.h"

/* glibc shows NSIG only outside strict POSIX mode; _NSIG is always there. */
#ifndef NSIG
#define NSIG _NSIG
#endif

struct shell;

/* The executor's entry points, for modules below it (set by exec_init). */
struct shell_ops {
    /* Parse and run TEXT (eval, trap actions).  NAME names it in errors or is NULL. */
    int (*eval)(struct shell *sh, const char *text, const char *name);
    /* Run the commands of file PATH in this shell (`.`).  127-style errors are the caller's. */
    int (*source)(struct shell *sh, const char *path);
    /* Run N in a child with stdout to a pipe; append what it prints to OUT.
     * Returns the child's exit status. */
    int (*cmdsub)(struct shell *sh, struct node *n, struct strbuf *out);
    /* Run ARGV as a command, skipping functions (`command`). */
    int (*run_argv)(struct shell *sh, char **argv);
    /* Become a fresh shell running the file PATH (execve said ENOEXEC: a
     * script without #!), ARGV its $0 and arguments.  Never returns. */
    void (*run_script)(struct shell *sh, const char *path, char *const *argv,
                       char *const *envp);
    /* The interactive front end's work before the shell exits (save history);
     * NULL when there is none.  Set by input.c, so shell.c needs no readline. */
    void (*at_exit)(struct shell *sh);
};

/* set -o options.  The letter is what `set -X` and $- use (0: none). */
struct shell_opts {
    bool errexit;       /* -e */
    bool nounset;       /* -u */
    bool xtrace;        /* -x */
    bool verbose;       /* -v */
    bool noexec;        /* -n */
    bool noglob;        /* -f */
    bool noclobber;     /* -C */
    bool allexport;     /* -a */
    bool monitor;       /* -m: job control */
    bool notify;        /* -b */
    bool ignoreeof;
    bool vi, emacs;     /* line-editing mode at the prompt: exactly one is on */
    bool pipefail;
    bool interactive;   /* -i */
    bool trace;         /* teaching narration (set -o trace) */
    bool noreap;        /* teaching: leave finished background children as zombies until `wait` */
    bool subreaper;     /* teaching: orphans below the shell are re-parented to it (prctl) */
    bool step;          /* teaching: pause before each fork, exec and wait (interactive only) */
    enum spawn_mode {   /* how external commands are started: set -o spawn=NAME */
        SPAWN_AUTO,         /* vfork where the child only sets up fds and execs, else fork */
        SPAWN_FORK,
        SPAWN_VFORK,
        SPAWN_POSIX_SPAWN
    } spawn;
};

/* break/continue/return/exit unwinding: set by the builtin, obeyed by the
 * executor.  JUMP_ABORT: an error in an interactive shell drops the rest of
 * the command line (where a script would exit). */
enum shell_jump { JUMP_NONE, JUMP_BREAK, JUMP_CONTINUE, JUMP_RETURN, JUMP_EXIT, JUMP_ABORT };

/* The trap action running now, if any: `exit` and `return` without an
 * operand use the $? it started with (POSIX), not its last command's. */
struct shell_trap_state {
    bool active;                /* a trap action (or the EXIT trap) is running */
    int status;                 /* $? on entry to it */
    int func_depth;             /* sh->func_depth then: a `return` in a function it calls is the function's */
};

struct shell {
    int last_status;            /* $? */
    pid_t pid;                  /* $$ (stays the parent's pid in subshells) */
    pid_t last_bg_pid;          /* $! (0: none yet) */
    struct shell_opts opt;
    bool is_subshell;           /* forked: exit with _exit semantics, no EXIT trap of the parent */

    char *arg0;                 /* $0 (heap) */
    char **params;              /* $1 ... (heap array of heap strings) */
    int nparams;                /* $# */

    struct vars *vars;
    struct func_table *funcs;
    struct alias_table *aliases;
    struct job_table jobs;

    char *traps[NSIG];          /* trap action per signal (heap); NULL: default; "": ignore */
    char *exit_trap;            /* trap ... EXIT */
    struct shell_trap_state trap;

    enum shell_jump jump;       /* pending break/continue/return/exit */
    int jump_count;             /* levels for break N / continue N */
    bool jump_error;            /* the JUMP_EXIT is shell_error_exit's (`command` stops it) */
    int loop_depth;             /* enclosing loops (break outside one is a no-op) */
    int func_depth;             /* enclosing function calls */
    int errexit_off;            /* >0 inside an if/while condition, && || left, ! */

    struct shell_ops ops;
};

/* Defaults, variables from ENVP, PPID/PWD/IFS/PS1..., $$ and the tables. */
void shell_init(struct shell *sh, char *const *envp);
void shell_free(struct shell *sh);

/* Replace the positional parameters with a copy of ARGV[0..N). */
void shell_set_params(struct shell *sh, char *const *argv, int n);

/* $- for the current options, e.g. "imC" (written to BUF of at least 32 bytes). */
const char *shell_flags(const struct shell *sh, char *buf);
/* Set option by letter (-e) or by name (-o errexit).  -1 if unknown; -2 if
 * the name is known but the change failed and the reason was printed
 * (set -o trace-html=FILE). */
int shell_set_option_letter(struct shell *sh, char letter, bool on);
int shell_set_option_name(struct shell *sh, const char *name, bool on);
/* Print `set -o` (HUMAN) or `set +o` (re-inputtable) listings. */
void shell_print_options(const struct shell *sh, bool human);

/* Run the EXIT trap (once), flush stdout, and exit(STATUS). */
_Noreturn void shell_exit(struct shell *sh, int status);

/*
 * Set variable NAME to VALUE (vars_set's FLAGS), exported too under set -a:
 * every assignment the shell makes (NAME=v, read, local, getopts, cd) goes
 * through here.  Returns vars_set's result (-1: read-only).
 */
int shell_set_var(struct shell *sh, const char *name, const char *value, unsigned flags);

/*
 * After an expansion or special-builtin error: a non-interactive shell
 * exits with STATUS (POSIX 2.8.1); an interactive one sets $? and drops the
 * rest of the command line (JUMP_ABORT).
 * The exit is a JUMP_EXIT that the executor unwinds, so callers return
 * normally after calling this.
 */
void shell_error_exit(struct shell *sh, int status);

#endif
