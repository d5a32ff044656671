/*
 * bi_help.c -- `help`: one line for every builtin, or the usage and a short
 * description of one.
 *
 * Owns: the help text of every builtin.  It is the one source: the
 *       BUILTIN REFERENCE section of docs/minish.1 carries the same text,
 *       and tests/pty/test_help.py fails when the two differ or when a
 *       builtin has no entry here.
 * Never: knows how a builtin works; builtins.c has the table that runs them.
 */
#include <stdio.h>
#include <string.h>

#include "bi.h"
#include "builtins.h"
#include "diag.h"

struct help_entry {
    const char *name;
    const char *usage;      /* the synopsis, as `help NAME` and the man page show it */
    const char *summary;    /* one line, for the list `help` prints */
    const char *more;       /* what `help NAME` adds after the summary, or NULL */
};

/* Sorted by name, like the builtin table. */
static const struct help_entry help_table[] = {
    {".", ". file [arg ...]", "Run the commands of FILE in this shell.",
     "FILE is searched for in PATH when it has no '/'.  The status is the last command's."},
    {":", ": [arg ...]", "Do nothing, successfully (the arguments are expanded).", NULL},
    {"[", "[ expression ]", "The same as test, with a closing ].", NULL},
    {"alias", "alias [name[=value] ...]", "Define aliases, or print them as name='value'.", NULL},
    {"bg", "bg [job ...]", "Continue stopped jobs in the background.", NULL},
    {"break", "break [n]", "Leave the innermost N enclosing loops (1 by default).", NULL},
    {"cd", "cd [-L|-P] [dir|-]", "Change the current directory.",
     "With no DIR, go HOME; '-' is OLDPWD.  CDPATH is searched for a relative DIR.  "
     "-P resolves symbolic links, -L (the default) keeps them in PWD."},
    {"command", "command [-p] [-v|-V] name [arg ...]",
     "Run NAME ignoring functions, or (-v, -V) tell what it is.", NULL},
    {"continue", "continue [n]", "Start the next turn of the Nth enclosing loop.", NULL},
    {"disown", "disown [job ...]", "Forget jobs: they keep running, the shell stops tracking them.",
     NULL},
    {"echo", "echo [-n] [arg ...]", "Print the arguments (escapes such as \\n are honoured).",
     NULL},
    {"eval", "eval [arg ...]", "Join the arguments with spaces and run the result here.", NULL},
    {"exec", "exec [command [arg ...]]",
     "Replace the shell with COMMAND; without one, keep the redirections.", NULL},
    {"exit", "exit [n]", "Leave the shell with status N (default: the last status).", NULL},
    {"export", "export [-p] [name[=value] ...]", "Give variables to the commands the shell runs.",
     NULL},
    {"false", "false", "Do nothing, unsuccessfully (status 1).", NULL},
    {"fc", "fc [-r] [-e editor] [first [last]]  |  fc -l [-nr] [first [last]]  |  "
           "fc -s [old=new] [first]",
     "List, edit and run commands from the history.",
     "FIRST and LAST are a number, a negative offset from the newest entry, or the start "
     "of a command.  -l lists (the last 16 by default), -n without numbers, -r newest first.  "
     "Without -l the commands are written to a file, edited with EDITOR (-e, else FCEDIT, "
     "else ed), then run and put in the history.  -s runs FIRST again at once, "
     "with OLD replaced by NEW."},
    {"fds", "fds [pid|%job]", "Show a process's open descriptors (the shell's by default).",
     NULL},
    {"fg", "fg [job]", "Continue a job in the foreground and wait for it.", NULL},
    {"getopts", "getopts optstring name [arg ...]", "Parse options, one per call.", NULL},
    {"hash", "hash [-r] [name ...]", "Remember where commands are, or forget (-r).", NULL},
    {"help", "help [name]", "List the builtins, or describe one.",
     "The manual is `man minish`; docs/ has the user guide."},
    {"history", "history [-c] [n]", "List the last N commands typed, or clear the list (-c).",
     NULL},
    {"jobs", "jobs [-l|-p] [job ...]", "List jobs (-l with process ids, -p only the ids).", NULL},
    {"kill", "kill [-s sig | -sig] pid|%job ...  |  kill -l [status]",
     "Send a signal (TERM by default) to processes or jobs, or list signal names.", NULL},
    {"local", "local name[=value] ...", "Make variables local to the running function.", NULL},
    {"printf", "printf format [arg ...]", "Print the arguments under control of FORMAT.", NULL},
    {"maps", "maps [pid|%job]",
     "Summarise a process image from /proc/PID/maps (text, data, heap, stack, libraries).",
     NULL},
    {"ptree", "ptree [-a | -s | pid | %job]",
     "Show the shell and its descendant processes as a tree.",
     "-s shows the whole session, -a every process from pid 1; orphans are marked."},
    {"pwd", "pwd [-L|-P]", "Print the current directory.", NULL},
    {"read", "read [-r] name ...", "Read a line from standard input into variables.",
     "The line is split on IFS; -r keeps backslashes as they are."},
    {"readonly", "readonly [-p] [name[=value] ...]", "Make variables unchangeable.", NULL},
    {"reap", "reap [-w]", "Wait for finished children now, and say what each left behind.",
     "Without -w it does not block (WNOHANG); -w waits for the first child to end."},
    {"return", "return [n]", "Return from a function or a sourced file with status N.", NULL},
    {"set", "set [-+abCefmnuvx] [-+o name] [--] [arg ...]",
     "Set options, or the positional parameters.",
     "set -o lists the options; set -o vi and set -o emacs choose the editing mode."},
    {"shift", "shift [n]", "Drop the first N positional parameters (1 by default).", NULL},
    {"source", "source file [arg ...]", "The same as '.' (not a special builtin).", NULL},
    {"test", "test expression", "Evaluate a condition: files, strings and numbers.", NULL},
    {"times", "times", "Print the user and system times of the shell and its children.", NULL},
    {"trap", "trap [action] [signal ...]", "Run ACTION when a signal arrives, or list traps.",
     NULL},
    {"true", "true", "Do nothing, successfully.", NULL},
    {"type", "type name ...", "Tell how each NAME would be run.", NULL},
    {"ulimit", "ulimit [-H|-S] [-a | -c|-d|-f|-n|-s|-t|-u|-v [limit]]",
     "Show or set resource limits.", NULL},
    {"umask", "umask [-S] [mode]", "Show or set the file-creation mask.", NULL},
    {"unalias", "unalias [-a] name ...", "Remove aliases (-a: all of them).", NULL},
    {"unset", "unset [-v|-f] name ...", "Remove variables (-v, the default) or functions (-f).",
     NULL},
    {"wait", "wait [pid|%job ...]", "Wait for jobs to finish (all of them by default).", NULL},
};

#define NHELP (sizeof help_table / sizeof help_table[0])

static const struct help_entry *help_find(const char *name)
{
    for (size_t i = 0; i < NHELP; i++) {
        if (strcmp(help_table[i].name, name) == 0)
            return &help_table[i];
    }
    return NULL;
}

static void help_line(const char *name, void *ctx)
{
    (void)ctx;
    const struct help_entry *h = help_find(name);
    printf("  %-10s %s\n", name, h != NULL ? h->summary : "");
}

/* TEXT in lines of at most 76 columns, each indented by four spaces. */
static void print_wrapped(const char *text)
{
    while (*text != '\0') {
        size_t n = strlen(text), cut = n;
        if (n > 72) {
            cut = 72;
            while (cut > 0 && text[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = strcspn(text, " ");   /* one word longer than a line */
        }
        printf("    %.*s\n", (int)cut, text);
        text += cut;
        text += strspn(text, " ");
    }
}

int bi_help(struct shell *sh, int argc, char **argv)
{
    (void)sh;
    if (argc > 2) {
        diag_error("help", "usage: help [name]");
        return STATUS_SYNTAX;
    }
    if (argc == 1) {
        puts("minish builtins (help NAME for one of them):");
        builtin_foreach(help_line, NULL);
        puts("The full manual: man minish (docs/minish.1); guides in docs/ "
             "(user-guide.md first).");
        return 0;
    }
    const struct help_entry *h = help_find(argv[1]);
    if (h == NULL) {
        diag_error("help", "%s: not a builtin (try `man minish`)", argv[1]);
        return STATUS_FAIL;
    }
    printf("%s: %s\n", h->name, h->usage);
    print_wrapped(h->summary);
    if (h->more != NULL)
        print_wrapped(h->more);
    return 0;
}
