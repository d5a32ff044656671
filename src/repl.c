/*
 * repl.c -- the read-parse-run loop, one complete command at a time.
 *
 * Owns: one arena per command (freed when the command is done, unless a
 *       function definition keeps a reference), job notices before each
 *       prompt, what a syntax error does (interactive: go on; script:
 *       stop with status 2, as dash does), ignoreeof.
 * Never: knows where lines come from (input.c does) or how commands run.
 */
#include "repl.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "exec.h"
#include "funcs.h"
#include "input.h"
#include "jobs.h"
#include "parser.h"
#include "shell.h"
#include "signals.h"

static const char *repl_alias(void *ctx, const char *name)
{
    struct shell *sh = ctx;
    return alias_get(sh->aliases, name);
}

static struct parser *repl_parser(struct shell *sh, struct input *in)
{
    struct parser *p = parser_new(input_read, in);
    parser_set_alias(p, repl_alias, sh);
    parser_set_interactive(p, sh->opt.interactive);
    return p;
}

/* Finished and stopped background jobs: told before the prompt when
 * interactive, silently forgotten otherwise (so the table cannot grow). */
static void repl_report_jobs(struct shell *sh)
{
    /* no job and no child ended since the last look: nothing to reap or
     * tell (saves a waitpid per line of a script) */
    if (!signals_got_chld && sh->jobs.len == 0)
        return;
    jobs_reap(&sh->jobs);
    if (sh->opt.interactive)
        jobs_notify(&sh->jobs, stderr);
    else
        jobs_forget_done(&sh->jobs);
}

/*
 * End of input on the terminal (Ctrl-D).  Returns true if the shell should
 * go on reading instead: with ignoreeof, or once when jobs are stopped
 * (bash's warning, so a stopped editor is not lost by accident).
 */
static bool repl_refuse_eof(struct shell *sh, bool *warned_stopped)
{
    if (!sh->opt.interactive)
        return false;
    signals_hangup_check(sh);     /* the terminal is gone: so are its jobs (bash) */
    if (sh->opt.ignoreeof) {
        fputs("Use \"exit\" to leave the shell.\n", stderr);
        return true;
    }
    if (jobs_any_stopped(&sh->jobs) && !*warned_stopped) {
        fputs("There are stopped jobs.\n", stderr);
        *warned_stopped = true;
        return true;
    }
    fputs("exit\n", stderr);
    return false;
}

/* Run one parsed command, which lives in A; LAST: the input has nothing
 * after it.  Returns false when the loop must stop. */
static bool repl_run_one(struct shell *sh, struct node *n, struct arena *a, bool last)
{
    /* -n checks syntax only; an interactive shell ignores it (POSIX allows that) */
    if (n != NULL && !(sh->opt.noexec && !sh->opt.interactive))
        exec_command(sh, n, a, last && !sh->opt.interactive);  /* a function defined by N keeps A alive */
    signals_run_traps(sh);
    switch (sh->jump) {
    case JUMP_EXIT:
        return false;                   /* main calls shell_exit */
    case JUMP_RETURN:
        sh->jump = JUMP_NONE;           /* `return` at top level ends a script */
        return sh->opt.interactive;
    case JUMP_BREAK:
    case JUMP_CONTINUE:
        sh->jump = JUMP_NONE;           /* outside a loop: ignored */
        return true;
    case JUMP_ABORT:
        sh->jump = JUMP_NONE;           /* the error dropped the rest of the line */
        return true;
    case JUMP_NONE:
        return true;
    }
    return true;
}

int repl_run(struct shell *sh, struct input *in)
{
    struct parser *p = repl_parser(sh, in);
    bool warned_stopped = false;
    for (;;) {
        repl_report_jobs(sh);
        struct arena *a = arena_new();
        struct node *n = NULL;
        enum parse_status st = parser_next(p, a, &n);
        bool go_on = true;
        input_command_done(in);     /* one history entry, however many lines */
        enum input_abandon gave_up = input_take_abandoned(in);
        if (gave_up != INPUT_KEPT) {
            /* Ctrl-C or Ctrl-D in a continued command: drop it and start
             * afresh (the parser has seen an end of input it must forget) */
            if (gave_up == INPUT_ENDED) {
                if (st != PARSE_ERROR)  /* `echo a \` then Ctrl-D: complete, but not meant */
                    diag_error(NULL, "syntax error: unexpected end of input");
                sh->last_status = STATUS_SYNTAX;
            }
            parser_free(p);
            p = repl_parser(sh, in);
        } else if (st == PARSE_EOF) {
            go_on = repl_refuse_eof(sh, &warned_stopped);
            if (go_on) {            /* the parser has seen the end: it needs replacing */
                parser_free(p);
                p = repl_parser(sh, in);
            }
        } else if (st == PARSE_ERROR) {
            sh->last_status = STATUS_SYNTAX;
            go_on = sh->opt.interactive;    /* a script stops at a syntax error (dash) */
        } else {
            if (n != NULL)
                warned_stopped = false;
            go_on = repl_run_one(sh, n, a, input_at_end(in));
        }
        arena_unref(a);
        if (!go_on)
            break;
    }
    parser_free(p);
    return sh->last_status;
}
