/*
 * exec_cmd.c -- simple commands: expand the words, the redirections and the
 * assignments (in that order, as dash does), trace them under set -x, then
 * run a special builtin, a function, a regular builtin or a program found
 * in PATH, in that order (POSIX XCU 2.9.1.1).
 *
 * Owns: what assignment prefixes do (persist before a special builtin or
 *       alone; local to a function or regular builtin; only in the child's
 *       environment for a program), saving and restoring the shell's
 *       descriptors around a builtin or function, function calls, and the
 *       one function that starts a program (exec_spawn).
 * Never: builds pipelines or waits for any child but the one it started.
 */
#include "exec_internal.h"

#include <signal.h>
#ifndef NSIG
#define NSIG _NSIG      /* glibc shows NSIG only outside strict POSIX; shell.h needs it */
#endif

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "diag.h"
#include "exec.h"
#include "expand.h"
#include "funcs.h"
#include "parser.h"
#include "path.h"
#include "redir.h"
#include "shell.h"
#include "signals.h"
#include "sys.h"
#include "trace.h"
#include "vars.h"

/* One simple command while it runs. */
struct cmd {
    struct node *node;
    struct arena *a;            /* scratch: argv, values, the fd plan; freed after */
    char **argv;                /* expanded words, NULL-terminated */
    size_t argc;
    char **assigns;             /* expanded "NAME=value" prefixes, for set -x */
    size_t nassigns;
    struct fd_op *ops;          /* expanded redirections */
    size_t nops;
    bool forked;                /* the last command of this process: exec in place, undo nothing */
    const char *ps4;            /* set -x: $PS4 expanded before the assignments */
};

/* How assignment prefixes are made. */
enum assign_mode {
    ASSIGN_SHELL,       /* persist in the shell (no command name, special builtin) */
    ASSIGN_LOCAL,       /* exported, in the function's / builtin's scope: undone after */
    ASSIGN_EXPORT       /* exported, for good (a child about to exec) */
};

/* ==== Expansion ==== */

/*
 * Expand and make each NAME=value prefix in turn, so that `a=1 b=$a` sees
 * the new a (as dash does).  0, or -1 after an error (printed, status set).
 */
static int cmd_assign(struct shell *sh, struct cmd *c, enum assign_mode mode)
{
    const struct word *w;
    size_t n = 0;
    for (w = c->node->u.simple.assigns; w != NULL; w = w->next)
        n++;
    c->assigns = arena_alloc(c->a, (n + 1) * sizeof *c->assigns);
    c->nassigns = 0;
    for (w = c->node->u.simple.assigns; w != NULL; w = w->next) {
        size_t len;
        char *s = expand_word(sh, c->a, w, EXP_ASSIGN);
        if (s == NULL) {
            exec_expand_failed(sh);
            return -1;
        }
        if (!vars_is_assignment(s, &len))
            continue;       /* the parser only gives NAME=... words */
        char *name = arena_strndup(c->a, s, len);
        if (mode == ASSIGN_LOCAL)
            vars_make_local(sh->vars, name);
        if (exec_assign(sh, name, s + len + 1, mode == ASSIGN_SHELL ? 0 : VAR_EXPORT) < 0)
            return -1;
        c->assigns[c->nassigns++] = s;
    }
    return 0;
}

/* What command NAME says about its NAME=value operands (see expand_command). */
static enum decl_kind cmd_decl_kind(struct shell *sh, const char *name)
{
    if (funcs_get(sh->funcs, name) != NULL)
        return DECL_NO;
    if (strcmp(name, "command") == 0)
        return DECL_NEXT;
    return builtin_is_declaration(name) ? DECL_YES : DECL_NO;
}

/* Words, then redirections: 0, or -1 after an error (printed, status set). */
static int cmd_expand(struct shell *sh, struct cmd *c)
{
    const struct node *n = c->node;
    if (n->u.simple.words == NULL) {
        c->argv = arena_zalloc(c->a, sizeof *c->argv);
        c->argc = 0;
    } else if (expand_command(sh, c->a, n->u.simple.words, cmd_decl_kind, &c->argv,
                              &c->argc) < 0) {
        exec_expand_failed(sh);
        return -1;
    }
    return exec_redir_plan(sh, c->a, n->redirs, &c->ops, &c->nops);
}

/* ==== set -x ==== */

/* Can S be shown as it is, without quotes? */
static bool trace_plain(const char *s)
{
    if (*s == '\0')
        return false;
    for (const char *p = s; *p != '\0'; p++) {
        unsigned char ch = (unsigned char)*p;
        if (isalnum(ch) || ch >= 0x80 || strchr("_-./:=@%+,", ch) != NULL)
            continue;
        if ((ch == '#' || ch == '~') && p != s)
            continue;       /* special only at the start of a word */
        return false;
    }
    return true;
}

/* Append S re-quoted for the shell: it's -> 'it'\''s' */
static void trace_quote(struct strbuf *sb, const char *s)
{
    if (trace_plain(s)) {
        sb_puts(sb, s);
        return;
    }
    sb_putc(sb, '\'');
    for (; *s != '\0'; s++) {
        if (*s == '\'')
            sb_puts(sb, "'\\''");
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '\'');
}

/* Expanding $PS4 now: nothing is traced, not even in a $(...) of PS4 (the
 * forked child inherits it), or PS4='$(echo X) ' would fork without end. */
static bool in_ps4;

static bool cmd_tracing(const struct shell *sh)
{
    return sh->opt.xtrace && !in_ps4;
}

/*
 * set -x: $PS4 as it is before this command's own assignments (`PS4=x`
 * is traced with the old one), expanded as dash does: parameters, $(...),
 * `...` and $((...)), as in an unquoted here-document.  After a syntax or
 * expansion error (printed) the text is used as it is.
 */
static void cmd_trace_prefix(struct shell *sh, struct cmd *c)
{
    if (!cmd_tracing(sh))
        return;
    const char *ps4 = vars_get(sh->vars, "PS4");
    if (ps4 == NULL)
        ps4 = "";                       /* unset: no prefix (as dash) */
    int status = sh->last_status;       /* a $(...) in PS4 must not change $? */
    in_ps4 = true;
    struct word *w = parser_text_word(c->a, ps4, diag_line());
    const char *s = w != NULL ? expand_word(sh, c->a, w, EXP_NOTILDE) : NULL;
    in_ps4 = false;
    c->ps4 = s != NULL ? s : arena_strdup(c->a, ps4);
    sh->last_status = status;
}

/* set -x: the PS4 prefix, then the assignments and words, on stderr. */
static void cmd_trace(struct shell *sh, const struct cmd *c)
{
    if (!cmd_tracing(sh))
        return;
    struct strbuf sb = STRBUF_INIT;
    sb_puts(&sb, c->ps4);
    for (size_t i = 0; i < c->nassigns; i++) {
        const char *eq = strchr(c->assigns[i], '=');
        if (i > 0)
            sb_putc(&sb, ' ');
        sb_putn(&sb, c->assigns[i], (size_t)(eq - c->assigns[i]) + 1);
        trace_quote(&sb, eq + 1);
    }
    for (size_t i = 0; i < c->argc; i++) {
        if (i > 0 || c->nassigns > 0)
            sb_putc(&sb, ' ');
        trace_quote(&sb, c->argv[i]);
    }
    sb_putc(&sb, '\n');
    fflush(stdout);     /* keep the trace in order with what came before */
    fputs(sb_str(&sb), stderr);
    sb_free(&sb);
}

/* ==== No command name: `x=1`, `> file` ==== */

/*
 * XCU 2.9.1: with no command name the redirections are performed first
 * (`> f` creates f, `x=$(cmd) 2>/dev/null` silences cmd), then the
 * assignments are made; a failed redirection makes none.  Status: the last
 * $(...) in the command, else 0.
 */
static int cmd_no_name(struct shell *sh, struct cmd *c, unsigned long subs_before)
{
    struct redir_saved save = { NULL, 0, 0 };
    /* saved even in a forked child, so that the set -x line goes to the
     * stderr the command started with (`x=1 2>/dev/null | cat`, as dash) */
    if (redir_apply(c->ops, c->nops, &save, "redirection") < 0)
        return EXEC_REDIR_FAILED;
    int status;
    if (cmd_assign(sh, c, ASSIGN_SHELL) < 0)
        status = sh->last_status;
    else
        status = exec_cmdsub_count() != subs_before ? expand_cmdsub_status() : 0;
    redir_restore(&save);
    cmd_trace(sh, c);       /* to the shell's own stderr, as dash */
    return status;
}

/* ==== Builtins ==== */

int exec_run_builtin(struct shell *sh, const struct builtin *b, int argc, char **argv)
{
    sys_trace_note("%s runs inside the %s: no fork", b->name, sh->is_subshell ? "subshell" : "shell");
    int status = b->fn(sh, argc, argv);
    int err = 0;
    if (fflush(stdout) == EOF)
        err = errno;
    else if (ferror(stdout))
        err = EIO;      /* an earlier write failed; its errno is gone */
    if (err != 0) {
        clearerr(stdout);
        diag_error(NULL, "write error: %s", strerror(err));
        status = STATUS_FAIL;
    }
    return status;
}

/* Run B with the command's redirections around it (kept for `exec >f`). */
static int cmd_builtin_redirected(struct shell *sh, struct cmd *c, const struct builtin *b,
                                  bool keep)
{
    struct redir_saved save = { NULL, 0, 0 };
    /* undone even in a forked child: its EXIT trap runs with the shell's
     * own descriptors (`trap 'echo x' EXIT >/dev/null &` prints x) */
    bool undo = !keep;
    if (redir_apply(c->ops, c->nops, undo ? &save : NULL, b->name) < 0) {
        if (b->special)
            shell_error_exit(sh, EXEC_REDIR_FAILED);    /* dash: a script ends here */
        return EXEC_REDIR_FAILED;
    }
    int status = exec_run_builtin(sh, b, (int)c->argc, c->argv);
    if (undo)
        redir_restore(&save);
    return status;
}

/* `exec` with no operands, also as `command exec`: its redirections stay. */
static bool cmd_is_bare_exec(const struct cmd *c)
{
    size_t i = 0;
    while (i + 1 < c->argc && strcmp(c->argv[i], "command") == 0)
        i++;
    return i + 1 == c->argc && strcmp(c->argv[i], "exec") == 0;
}

/* A special builtin: its prefixes persist; `exec` alone keeps its redirections. */
static int cmd_special(struct shell *sh, struct cmd *c, const struct builtin *b)
{
    /* `X=1 exec cmd`: cmd gets X in its environment (as dash) */
    bool exec_cmd = strcmp(b->name, "exec") == 0 && c->argc > 1;
    if (cmd_assign(sh, c, exec_cmd ? ASSIGN_EXPORT : ASSIGN_SHELL) < 0)
        return sh->last_status;
    cmd_trace(sh, c);
    return cmd_builtin_redirected(sh, c, b, cmd_is_bare_exec(c));
}

/* A regular builtin: `IFS=: read a b` sees IFS=: only while it runs. */
static int cmd_regular(struct shell *sh, struct cmd *c, const struct builtin *b)
{
    bool scoped = c->node->u.simple.assigns != NULL && !c->forked;
    int status;
    if (scoped)
        vars_push_scope(sh->vars);
    if (cmd_assign(sh, c, scoped ? ASSIGN_LOCAL : ASSIGN_EXPORT) < 0) {
        status = sh->last_status;
    } else {
        cmd_trace(sh, c);
        status = cmd_builtin_redirected(sh, c, b, cmd_is_bare_exec(c));
    }
    if (scoped)
        vars_pop_scope(sh->vars);
    return status;
}

/* ==== Functions ==== */

static void params_free(char **params, int n)
{
    for (int i = 0; i < n; i++)
        free(params[i]);
    free(params);
}

/*
 * Call function BODY with ARGV as $0 $1 ...: new positional parameters, no
 * enclosing loops (break inside does not reach the caller's), and a
 * reference on the body's arena, so `f() { unset -f f; ...; }` is safe.
 */
static int func_call(struct shell *sh, struct node *body, int argc, char **argv)
{
    char **saved = sh->params;
    int nsaved = sh->nparams;
    int saved_loops = sh->loop_depth;
    struct exec_func *f = exec_func_of(body);
    struct arena *a = f != NULL ? f->arena : NULL;
    sh->params = NULL;      /* detach ours, or shell_set_params would free them */
    sh->nparams = 0;
    shell_set_params(sh, argv + 1, argc - 1);
    sh->loop_depth = 0;
    sh->func_depth++;
    if (a != NULL)
        arena_ref(a);
    int status = exec_in_arena(sh, body, a);
    if (sh->jump == JUMP_RETURN) {
        sh->jump = JUMP_NONE;   /* `return` ends here */
        status = sh->last_status;
    }
    arena_unref(a);
    sh->func_depth--;
    sh->loop_depth = saved_loops;
    params_free(sh->params, sh->nparams);
    sh->params = saved;
    sh->nparams = nsaved;
    return status;
}

/* NAME args: prefixes become the function's locals (exported), as in dash. */
static int cmd_function(struct shell *sh, struct cmd *c, struct node *body)
{
    if (sh->func_depth >= EXEC_MAX_FUNC_DEPTH) {
        diag_error(c->argv[0], "maximum function nesting depth (%d) exceeded",
                   EXEC_MAX_FUNC_DEPTH);
        shell_error_exit(sh, STATUS_SYNTAX);
        return STATUS_SYNTAX;
    }
    struct redir_saved save = { NULL, 0, 0 };
    int status;
    vars_push_scope(sh->vars);
    if (cmd_assign(sh, c, ASSIGN_LOCAL) < 0) {
        status = sh->last_status;
    } else {
        cmd_trace(sh, c);
        if (redir_apply(c->ops, c->nops, &save, c->argv[0]) < 0) {   /* undone: see above */
            status = EXEC_REDIR_FAILED;
        } else {
            status = func_call(sh, body, (int)c->argc, c->argv);
            redir_restore(&save);
        }
    }
    vars_pop_scope(sh->vars);
    return status;
}

/* ==== Programs ==== */

/* Fill SP's path: NAME as given if it has a '/', else PATH's first match. */
static void cmd_find(struct shell *sh, struct arena *a, struct spawn *sp)
{
    sp->path = NULL;
    sp->search_errno = 0;
    if (strchr(sp->name, '/') != NULL) {
        sp->path = sp->name;    /* execve will say what is wrong with it */
        return;
    }
    const char *pathvar = vars_get(sh->vars, "PATH");
    char *found = path_search(sp->name, pathvar != NULL ? pathvar : "");
    if (found == NULL) {
        sp->search_errno = errno == EACCES ? EACCES : ENOENT;
        return;
    }
    sp->path = arena_strdup(a, found);
    free(found);
}

/* A copy of ENV in A: the table's own array changes when the scope goes. */
static char *const *environ_copy(struct arena *a, char *const *env)
{
    size_t n = 0;
    while (env[n] != NULL)
        n++;
    char **copy = arena_alloc(a, (n + 1) * sizeof *copy);
    for (size_t i = 0; i < n; i++)
        copy[i] = arena_strdup(a, env[i]);
    copy[n] = NULL;
    return copy;
}

/* The child plan of a foreground command started by the shell itself. */
static struct child_plan foreground_plan(const struct shell *sh)
{
    struct child_plan cp = { sh->jobs.job_control ? 0 : -1, true, false };
    return cp;
}

/*
 * Where descriptor FD of a program started with redirections OPS[0..N-1]
 * leads, seen from the shell: a file (*PATH set, -1 returned), one of the
 * shell's descriptors, or -1 for nowhere to write (closed, a
 * here-document, opened for reading only).
 */
static int fd_target(const struct fd_op *ops, size_t n, int fd, const char **path)
{
    while (n-- > 0) {
        const struct fd_op *op = &ops[n];
        if (op->fd != fd)
            continue;
        if (op->kind == FD_DUP)
            return fd_target(ops, n, op->src, path);
        if (op->kind == FD_OPEN && (op->oflag & O_ACCMODE) != O_RDONLY)
            *path = op->path;
        return -1;
    }
    return fd;
}

/* Start SP as a foreground job and wait for it.  dash applies a simple
 * command's redirections in the shell itself, so its "Terminated" follows
 * the command's `2>file`; minish applies them in the child only, and
 * sends the message to the same place. */
static int run_program(struct shell *sh, const struct spawn *sp, const char *text)
{
    struct child_plan cp = foreground_plan(sh);
    sigset_t mask;
    signals_block_chld(&mask);      /* until the child is in the job table */
    pid_t pid = exec_spawn(sh, sp, &cp);
    if (pid < 0) {
        signals_restore_mask(&mask);
        return STATUS_SYNTAX;
    }
    sh->jobs.msg_fd = fd_target(sp->ops, sp->nops, STDERR_FILENO, &sh->jobs.msg_path);
    int status = exec_wait_child(sh, pid, cp.pgid >= 0 ? pid : 0, text, &mask);
    sh->jobs.msg_fd = STDERR_FILENO;
    sh->jobs.msg_path = NULL;
    return status;
}

/* A program, from the shell: prefixes go into the child's environment only. */
static int cmd_external(struct shell *sh, struct cmd *c)
{
    struct spawn sp = { c->argv[0], NULL, 0, c->argv, NULL, c->ops, c->nops };
    bool scoped = c->node->u.simple.assigns != NULL;
    if (scoped)
        vars_push_scope(sh->vars);     /* `PATH=/x cmd` searches /x, too */
    if (cmd_assign(sh, c, ASSIGN_LOCAL) < 0) {
        if (scoped)
            vars_pop_scope(sh->vars);
        return sh->last_status;
    }
    cmd_trace(sh, c);
    cmd_find(sh, c->a, &sp);
    sp.envp = scoped ? environ_copy(c->a, vars_environ(sh->vars)) : vars_environ(sh->vars);
    if (scoped)
        vars_pop_scope(sh->vars);
    struct strbuf text = STRBUF_INIT;
    ast_text(&text, c->node);
    int status = run_program(sh, &sp, sb_str(&text));
    sb_free(&text);
    return status;
}

/* A program as the last command of this process (the end of a subshell,
 * a pipeline stage, `cmd &`, $(...) or `sh -c`): no fork, exec in place. */
static int cmd_exec_here(struct shell *sh, struct cmd *c)
{
    struct spawn sp = { c->argv[0], NULL, 0, c->argv, NULL, c->ops, c->nops };
    if (cmd_assign(sh, c, ASSIGN_EXPORT) < 0)
        return sh->last_status;
    cmd_trace(sh, c);
    cmd_find(sh, c->a, &sp);
    sp.envp = vars_environ(sh->vars);
    sys_trace_note("nothing is left to do in this %s: exec in place",
                   sh->is_subshell ? "subshell" : "shell");
    fflush(NULL);       /* the program replaces us: nothing buffered may be lost */
    signals_exec(sh);           /* the dispositions a program starts with, empty mask */
    exec_become(sh, &sp);
}

/* ==== Starting a program ==== */

/* "minish: NAME: WHY" for a program that could not be started. */
static void spawn_report(const struct spawn *sp, int err)
{
    struct stat st;
    if (err == ENOENT && strchr(sp->name, '/') == NULL)
        diag_error(sp->name, "command not found");
    else if (err == EACCES && sp->path != NULL && stat(sp->path, &st) == 0 && S_ISDIR(st.st_mode))
        diag_error(sp->name, "Is a directory");
    else
        diag_error(sp->name, "%s", strerror(err));
}

/*
 * execve said ENOEXEC: a text file without #!.  POSIX says run it as a
 * shell script: this child becomes a fresh shell (no functions, aliases,
 * unexported variables, traps or jobs) reading the file, with the
 * environment the program would have had (`VAR=x ./script` included).
 */
_Noreturn void exec_become_script(struct shell *sh, const char *path, char *const *argv,
                                  char *const *envp)
{
    struct child_plan cp = { -1, false, false };
    struct spawn one = { 0 };
    const struct spawn *sp = &one;
    int argc = 0;
    one.path = path;
    one.argv = (char **)argv;
    one.envp = (char **)envp;
    while (sp->argv[argc] != NULL)
        argc++;
    exec_child_forget(sh, &cp);
    funcs_free(sh->funcs);
    sh->funcs = funcs_new();
    alias_clear(sh->aliases);
    struct vars *fresh = vars_new();
    vars_import(fresh, sp->envp);
    vars_free(sh->vars);
    sh->vars = fresh;
    bool trace = sh->opt.trace;
    memset(&sh->opt, 0, sizeof sh->opt);
    sh->opt.trace = trace;
    free(sh->arg0);
    sh->arg0 = xstrdup(sp->path);
    shell_set_params(sh, sp->argv + 1, argc - 1);
    sh->func_depth = sh->loop_depth = sh->errexit_off = 0;
    diag_set_source(sp->path);
    diag_set_line(0);
    int status = exec_source(sh, sp->path);
    if (sh->jump == JUMP_RETURN)
        sh->jump = JUMP_NONE;       /* `return` at the top of a script ends it */
    exec_child_exit(sh, status);
}

_Noreturn void exec_become(struct shell *sh, const struct spawn *sp)
{
    if (redir_apply(sp->ops, sp->nops, NULL, sp->name) < 0) {
        fflush(NULL);
        _exit(EXEC_REDIR_FAILED);
    }
    int err = sp->search_errno;
    if (sp->path != NULL) {
        sys_execve(sp->path, sp->argv, sp->envp);
        err = errno;
        if (err == ENOEXEC)
            exec_become_script(sh, sp->path, sp->argv, sp->envp);
    }
    if (sp->path == NULL)
        sys_trace_note("'%s' is not in any PATH directory: nothing to execve", sp->name);
    spawn_report(sp, err);
    fflush(NULL);
    _exit(err == ENOENT || err == ENAMETOOLONG ? STATUS_NOTFOUND : STATUS_NOEXEC);
}

pid_t exec_spawn(struct shell *sh, const struct spawn *sp, const struct child_plan *cp)
{
    pid_t pid = exec_spawn_fast(sh, sp, cp, NULL, 0, NULL);  /* vfork/posix_spawn when it fits */
    if (pid > 0)
        return pid;
    pid = exec_fork(sh, cp, exec_why("start '%s'", sp->name));
    if (pid != 0)
        return pid;
    /* the child: default signals (ignored traps stay ignored), then exec */
    signals_child(sh, cp->background);
    exec_become(sh, sp);
}

int exec_run_argv(struct shell *sh, char **argv)
{
    if (argv == NULL || argv[0] == NULL)
        return 0;
    int argc = 0;
    while (argv[argc] != NULL)
        argc++;
    const struct builtin *b = strchr(argv[0], '/') == NULL ? builtin_find(argv[0]) : NULL;
    if (b != NULL)
        return exec_run_builtin(sh, b, argc, argv);
    struct arena *a = arena_new();
    struct spawn sp = { argv[0], NULL, 0, argv, NULL, NULL, 0 };
    cmd_find(sh, a, &sp);
    sp.envp = vars_environ(sh->vars);
    int status = run_program(sh, &sp, argv[0]);
    arena_unref(a);
    return status;
}

/* ==== Dispatch ==== */

/* Look NAME up: special builtin, function, builtin, then PATH. */
static int cmd_run(struct shell *sh, struct cmd *c)
{
    const char *name = c->argv[0];
    const struct builtin *b = NULL;
    struct node *body = NULL;
    if (strchr(name, '/') == NULL) {
        b = builtin_find(name);
        if (b == NULL || !b->special)
            body = funcs_get(sh->funcs, name);
    }
    if (b != NULL || body != NULL)
        trace_turn_done();  /* step mode: shell code may never pause; next in line */
    if (b != NULL && b->special)
        return cmd_special(sh, c, b);
    if (body != NULL)
        return cmd_function(sh, c, body);
    if (b != NULL)
        return cmd_regular(sh, c, b);
    return c->forked ? cmd_exec_here(sh, c) : cmd_external(sh, c);
}

int exec_simple(struct shell *sh, struct node *n, bool last)
{
    struct cmd c;
    unsigned long subs = exec_cmdsub_count();
    int status;
    memset(&c, 0, sizeof c);
    c.node = n;
    c.forked = last && exec_nothing_left(sh);
    c.a = arena_new();
    diag_set_line(n->pos.line);     /* $LINENO and error messages */
    if (cmd_expand(sh, &c) < 0) {
        status = sh->last_status;
    } else {
        cmd_trace_prefix(sh, &c);
        status = c.argc == 0 ? cmd_no_name(sh, &c, subs) : cmd_run(sh, &c);
    }
    arena_unref(c.a);
    return status;
}
