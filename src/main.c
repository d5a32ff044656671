/*
 * main.c -- minish's command line: which input to read (-c string, a
 * script file, or stdin), which options to start with, and, for an
 * interactive shell, taking the terminal for job control.
 *
 * Owns: argv, the startup order, ~/.minishrc, --ast/--help/--version.
 * Never: runs commands itself; repl_run does.
 *
 *   minish [-eufxvnCabmis] [+eufxvnCabm] [-o NAME] [--ast] [--norc] [--trace]
 *          [-c COMMAND [NAME [ARG...]] | FILE [ARG...] | -s [ARG...]]
 *   minish --trace-html=PAGE --from-trace=TRACE.jsonl
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "exec.h"
#include "expand.h"
#include "input.h"
#include "parser.h"
#include "repl.h"
#include "shell.h"
#include "signals.h"
#include "strbuf.h"
#include "sys.h"
#include "trace.h"
#include "trace_html.h"
#include "vars.h"

#ifndef MINISH_VERSION
#define MINISH_VERSION "dev"    /* CMake defines the real one */
#endif

extern char **environ;

/* What the command line asked for. */
struct main_args {
    const char *command;        /* -c COMMAND */
    const char *file;           /* a script to run, or NULL */
    const char *arg0;           /* $0 */
    char **params;              /* $1 ... */
    int nparams;
    bool has_c, read_stdin;     /* -c, -s */
    bool force_interactive;     /* -i */
    bool monitor_given;         /* -m or +m was given: do not default it */
    bool ast, norc;             /* --ast, --norc */
    bool ast_dot;               /* --ast=dot: Graphviz instead of text */
    const char *trace_html;     /* --trace-html=FILE: the web page */
    const char *from_trace;     /* --from-trace=FILE: convert, do not run */
};

static void main_usage(FILE *out)
{
    fputs("usage: minish [-eufxvnCabmis] [-o option] [--ast] [--norc] [--trace] [file [arg ...]]\n"
          "       minish [options] -c command [name [arg ...]]\n"
          "       minish --trace-html=page.html [--from-trace=trace.jsonl] [options] [...]\n"
          "       minish --help | --version\n", out);
}

/* minish --help: every command-line option, one line each. */
static void main_help(void)
{
    main_usage(stdout);
    fputs("\n"
          "  -c command    run COMMAND (then NAME is $0, ARGs are $1 ...)\n"
          "  -s            read commands from standard input (the default without a file)\n"
          "  -i            interactive: prompts, line editing, history, job control\n"
          "  -e  -u  -f  -x  -v  -n  -C  -a  -b  -m\n"
          "                the options of `set` (errexit nounset noglob xtrace verbose\n"
          "                noexec noclobber allexport notify monitor); +X turns X off\n"
          "  -o name       set an option by name (see `set -o`): also ignoreeof pipefail\n"
          "                vi emacs trace noreap step spawn=auto|fork|vfork|posix_spawn\n"
          "  --norc        do not read ~/.minishrc ($ENV) when interactive\n"
          "  --ast         print the command tree of the input instead of running it\n"
          "  --ast=dot     the same as a Graphviz graph\n"
          "  --trace       narrate every fork, exec, pipe, dup2 and wait (set -o trace)\n"
          "  --trace-file=FILE  record every process event in FILE as JSON lines\n"
          "  --trace-dot=FILE   draw each command's processes and pipes in FILE (Graphviz;\n"
          "                     %d in FILE: one file per command)\n"
          "  --help        this list\n"
          "  --version     the version\n"
          "\n"
          "In the shell, `help` lists the builtins.  The manual: man minish\n"
          "(docs/minish.1); the guides are in docs/, user-guide.md first.\n", stdout);
}

/* --ast, --norc, --trace, --help, --version.  Returns 0 to go on, 1 to exit 0, -1 on error. */
static int main_long_option(struct shell *sh, struct main_args *args, const char *opt)
{
    if (strcmp(opt, "--ast") == 0) {
        args->ast = true;
    } else if (strcmp(opt, "--norc") == 0) {
        args->norc = true;
    } else if (strcmp(opt, "--ast=dot") == 0) {
        args->ast = args->ast_dot = true;
    } else if (strcmp(opt, "--trace") == 0) {
        shell_set_option_name(sh, "trace", true);
    } else if (strncmp(opt, "--trace-file=", 13) == 0 || strncmp(opt, "--trace-dot=", 12) == 0) {
        bool dot = opt[8] == 'd';
        const char *path = strchr(opt, '=') + 1;
        if ((dot ? trace_dot_open(path) : trace_jsonl_open(path)) < 0) {
            diag_error(path, "%s", strerror(errno));
            return -1;
        }
    } else if (strncmp(opt, "--trace-html=", 13) == 0) {
        args->trace_html = opt + 13;
    } else if (strncmp(opt, "--from-trace=", 13) == 0) {
        args->from_trace = opt + 13;
    } else if (strcmp(opt, "--help") == 0) {
        main_help();
        return 1;
    } else if (strcmp(opt, "--version") == 0) {
        printf("minish %s\n", MINISH_VERSION);
        return 1;
    } else {
        diag_error(opt, "invalid option");
        main_usage(stderr);
        return -1;
    }
    return 0;
}

/* One letter of a -xyz or +xyz cluster.  Returns 0, or -1 after printing an error. */
static int main_letter(struct shell *sh, struct main_args *args, char c, bool on)
{
    if (c == 'c' && on)
        args->has_c = true;
    else if (c == 's' && on)
        args->read_stdin = true;
    else if (c == 'i')
        args->force_interactive = on;
    else if (shell_set_option_letter(sh, c, on) < 0) {
        diag_error(NULL, "%c%c: invalid option", on ? '-' : '+', c);
        main_usage(stderr);
        return -1;
    }
    if (c == 'm')
        args->monitor_given = true;
    return 0;
}

/* -o NAME / +o NAME.  *I is advanced past NAME. */
static int main_o_option(struct shell *sh, char **argv, int *i, bool on)
{
    const char *name = argv[*i + 1];
    if (name == NULL) {
        diag_error(NULL, "%co: option requires an argument", on ? '-' : '+');
        return -1;
    }
    (*i)++;
    int r = shell_set_option_name(sh, name, on);
    if (r < 0) {
        if (r == -1)    /* -2: already explained */
            diag_error(NULL, "%s: invalid option name", name);
        return -1;
    }
    return 0;
}

/* The options before the first operand.  Returns the index of the first
 * operand, or -1 (error) / -2 (done: --help, --version). */
static int main_options(struct shell *sh, struct main_args *args, int argc, char **argv)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
            break;
        if (strcmp(a, "--") == 0)
            return i + 1;
        if (a[0] == '-' && a[1] == '-') {
            int r = main_long_option(sh, args, a);
            if (r != 0)
                return r > 0 ? -2 : -1;
            continue;
        }
        for (const char *c = a + 1; *c != '\0'; c++) {
            int r = *c == 'o' ? main_o_option(sh, argv, &i, a[0] == '-')
                              : main_letter(sh, args, *c, a[0] == '-');
            if (r < 0)
                return -1;
        }
    }
    if (i < argc && strcmp(argv[i], "-") == 0)
        i++;    /* a lone "-" ends the options, as in dash */
    return i;
}

/* Parse argv into ARGS and the shell's options.  0, 1 (exit 0), or -1 (exit 2). */
static int main_parse_args(struct shell *sh, struct main_args *args, int argc, char **argv)
{
    int i = main_options(sh, args, argc, argv);
    if (i < 0)
        return i == -2 ? 1 : -1;
    args->arg0 = argv[0];
    if (args->has_c) {
        if (i >= argc) {
            diag_error(NULL, "-c requires an argument");
            return -1;
        }
        args->command = argv[i++];
        if (i < argc)
            args->arg0 = argv[i++];     /* minish -c 'cmds' NAME ARGS: $0 is NAME */
    } else if (!args->read_stdin && i < argc) {
        args->file = argv[i];
        args->arg0 = argv[i++];
    }
    args->params = argv + i;
    args->nparams = argc - i;
    return 0;
}

/* ==== The trace as a web page ==== */

/* --from-trace=IN --trace-html=OUT: turn a recorded trace into a page.
 * Returns the exit status. */
static int main_convert_trace(const struct main_args *args)
{
    char why[600];
    if (args->trace_html == NULL) {
        diag_error("--from-trace", "needs --trace-html=FILE, the page to write");
        return STATUS_SYNTAX;
    }
    if (trace_html_convert(args->from_trace, args->trace_html, why, sizeof why) < 0) {
        diag_error("trace", "%s", why);
        return STATUS_SYNTAX;
    }
    return 0;
}

/* --trace-html=FILE: record this session into a page. */
static void main_trace_html(struct shell *sh, const struct main_args *args)
{
    if (args->trace_html == NULL)
        return;
    if (trace_html_open(args->trace_html, sh->opt.interactive) < 0) {
        diag_error(args->trace_html, "%s", strerror(errno));
        shell_exit(sh, STATUS_SYNTAX);
    }
}

/* ==== Job control ==== */

/* A close-on-exec descriptor for the terminal, numbered 10 or above so that
 * `exec 3>file` and friends cannot clobber it.  -1 if there is none. */
static int main_open_tty(void)
{
    int fd = sys_open("/dev/tty", O_RDWR, 0, "the controlling terminal");
    int src = fd >= 0 ? fd : STDIN_FILENO;
    int tty = isatty(src) ? sys_dup_above(src, 10, "keep the terminal out of the way") : -1;
    if (fd >= 0)
        sys_close(fd, "keep only the high copy");
    return tty;
}

/*
 * Become the terminal's foreground process group.  If the shell was started
 * in the background, it stops itself (SIGTTIN) until it is put in the
 * foreground, as bash and dash do.  Returns 0, or -1 if job control is off.
 */
static int main_take_terminal(struct shell *sh, int tty)
{
    pid_t fg;
    while ((fg = tcgetpgrp(tty)) != getpgrp()) {
        if (fg < 0 || sys_kill(-getpgrp(), SIGTTIN, "wait to be put in the foreground") < 0)
            return -1;
    }
    sh->jobs.tty_orig_pgid = fg;    /* given back when the shell exits (jobs_tty_release) */
    signals_init(sh->opt.interactive, true);    /* from here on SIGTTOU and SIGTSTP are ignored */
    pid_t pid = getpid();
    /* a session leader (a new terminal window) already leads its group; setpgid would fail */
    if (getpgrp() != pid && sys_setpgid(0, pid, "put the shell in its own process group") < 0)
        return -1;
    if (sys_tcsetpgrp(tty, pid, "the shell takes the terminal") < 0)
        return -1;
    if (tcgetattr(tty, &sh->jobs.shell_tmodes) < 0)
        return -1;
    sh->jobs.shell_pgid = pid;
    return 0;
}

static void main_setup_job_control(struct shell *sh)
{
    int tty = main_open_tty();
    if (tty >= 0 && main_take_terminal(sh, tty) == 0) {
        sh->jobs.tty_fd = tty;
        shell_set_option_letter(sh, 'm', true);     /* also sets jobs.job_control */
        return;
    }
    diag_error(NULL, "can't access tty; job control turned off");
    if (tty >= 0)
        sys_close(tty, "no job control");
    shell_set_option_letter(sh, 'm', false);
    signals_init(sh->opt.interactive, false);
}

/* ==== Inputs ==== */

/* Open FILE on a private descriptor (>= 10, close-on-exec): the script's
 * commands cannot read from it or close it by accident. */
static struct input *main_open_script(struct shell *sh, const char *file)
{
    int fd = sys_open(file, O_RDONLY, 0, "open the script");
    if (fd < 0) {
        diag_error(file, "%s", strerror(errno));
        return NULL;
    }
    int high = sys_dup_above(fd, 10, "the script's private descriptor");
    int err = errno;
    sys_close(fd, "keep only the private copy");
    if (high < 0) {
        diag_error(file, "%s", strerror(err));
        return NULL;
    }
    diag_set_source(file);
    return input_fd(sh, high);
}

/* The input the command line asked for (NULL if a script cannot be opened). */
static struct input *main_input(struct shell *sh, const struct main_args *args)
{
    if (args->command != NULL)
        return input_string(sh, args->command);
    if (args->file != NULL)
        return main_open_script(sh, args->file);
    if (sh->opt.interactive && isatty(STDIN_FILENO))
        return input_readline(sh);
    return input_fd(sh, STDIN_FILENO);
}

/* --ast: print the tree of the whole input and stop.  Returns the exit status. */
static int main_dump_ast(struct shell *sh, const struct main_args *args)
{
    struct input *in = NULL;
    struct parser *p;
    if (args->command != NULL) {
        p = parser_new_string(args->command);
    } else {
        in = args->file != NULL ? main_open_script(sh, args->file) : input_fd(sh, STDIN_FILENO);
        if (in == NULL)
            return STATUS_SYNTAX;
        p = parser_new(input_read, in);
    }
    struct arena *a = arena_new();
    struct node *tree = NULL;
    int status = parser_all(p, a, &tree) == PARSE_ERROR ? STATUS_SYNTAX : 0;
    if (status == 0 && tree != NULL)
        (args->ast_dot ? ast_dump_dot : ast_dump)(stdout, tree);
    arena_unref(a);
    parser_free(p);
    input_free(in);
    return status;
}

/* $ENV (parameter-expanded, as POSIX asks) or ~/.minishrc, if readable. */
static void main_source_rc(struct shell *sh)
{
    const char *env = vars_get(sh->vars, "ENV");
    const char *home = vars_get(sh->vars, "HOME");
    struct strbuf path = STRBUF_INIT;
    if (env != NULL) {
        struct arena *a = arena_new();
        const char *expanded = expand_prompt(sh, a, env);
        sb_puts(&path, expanded != NULL ? expanded : env);
        arena_unref(a);
    } else if (home != NULL) {
        sb_printf(&path, "%s/.minishrc", home);
    }
    if (path.len > 0 && access(path.buf, R_OK) == 0 && sh->ops.source != NULL)
        sh->ops.source(sh, path.buf);
    sb_free(&path);
    if (sh->jump == JUMP_EXIT)
        shell_exit(sh, sh->last_status);
    sh->jump = JUMP_NONE;
}

/* Everything after argv is read: job control, rc file, then the loop. */
static _Noreturn void main_run(struct shell *sh, const struct main_args *args)
{
    if (sh->opt.monitor)
        main_setup_job_control(sh);
    else
        signals_init(sh->opt.interactive, false);
    if (sh->opt.interactive && !args->norc)
        main_source_rc(sh);
    struct input *in = main_input(sh, args);
    if (in == NULL)
        shell_exit(sh, STATUS_SYNTAX);  /* dash: "cannot open", status 2 */
    int status = repl_run(sh, in);
    input_free(in);
    shell_exit(sh, status);
}

int main(int argc, char **argv)
{
    static struct shell sh;
    struct main_args args = {0};
    shell_init(&sh, environ);
    exec_init(&sh);
    /* MINISH_SPAWN=fork|vfork|posix_spawn: how programs are started, so that
     * the test suites can run under each strategy (ignored if unknown) */
    const char *spawn = getenv("MINISH_SPAWN");
    if (spawn != NULL && *spawn != '\0') {
        char opt[32];
        snprintf(opt, sizeof opt, "spawn=%s", spawn);
        (void)shell_set_option_name(&sh, opt, true);
    }
    int r = main_parse_args(&sh, &args, argc, argv);
    if (r != 0)
        shell_exit(&sh, r > 0 ? 0 : STATUS_SYNTAX);
    free(sh.arg0);
    sh.arg0 = xstrdup(args.arg0 != NULL ? args.arg0 : "minish");
    shell_set_params(&sh, args.params, args.nparams);
    bool from_tty = args.command == NULL && args.file == NULL
                    && isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
    if (args.force_interactive || (from_tty && !args.ast))
        shell_set_option_letter(&sh, 'i', true);
    if (sh.opt.interactive && !args.monitor_given)
        shell_set_option_letter(&sh, 'm', true);
    if (args.from_trace != NULL)
        shell_exit(&sh, main_convert_trace(&args));
    if (args.ast)
        shell_exit(&sh, main_dump_ast(&sh, &args));
    main_trace_html(&sh, &args);
    main_run(&sh, &args);
}
