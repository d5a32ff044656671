/*
 * exec.c -- the executor's core: walks the command tree.
 *
 * Owns: the order of evaluation (; && || if while until for case { }),
 *       set -e, the unwinding of break/continue, function definitions,
 *       redirections around compound commands, and running text
 *       (eval, trap actions, `.` files).
 * Never: forks (exec_job.c does) or runs a simple command (exec_cmd.c).
 *
 * Every node kind has one function below; exec_walk dispatches.  Each
 * returns the node's status, and exec_walk leaves it in sh->last_status.
 *
 * LAST (dash's EV_EXIT): the node is the last thing this process will
 * ever run -- the end of a subshell, of a pipeline stage, of $(...), of
 * `sh -c`.  It passes down to the last command of a list, of an &&/||,
 * of the branch an if or case takes, and of a { group }; a simple command
 * that gets it execs its program in place instead of forking, if nothing
 * (no trap) is left to run afterwards (exec_nothing_left).  Loop bodies
 * never get it: they run again.
 * After each command the walk checks exec_stopping(): a builtin that wants
 * to leave (break, continue, return, exit) has set sh->jump, and the
 * enclosing loop, function, `.` file or the REPL consumes it.
 */
#include "exec.h"

#include <signal.h>
#ifndef NSIG
#define NSIG _NSIG      /* glibc shows NSIG only outside strict POSIX; shell.h needs it */
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "diag.h"
#include "exec_internal.h"
#include "expand.h"
#include "funcs.h"
#include "jobs.h"
#include "lexer.h"
#include "parser.h"
#include "redir.h"
#include "shell.h"
#include "signals.h"
#include "sys.h"
#include "trace.h"
#include "vars.h"

enum { EXEC_FUNC_MAGIC = 0x46554e43u };     /* "FUNC" */

static struct arena *tree_arena;    /* the arena the running tree was parsed into */
static int walk_depth;              /* exec_tree calls in progress (0: the top) */

static int exec_walk(struct shell *sh, struct node *n, bool last);

/* ==== Entry points ==== */

void exec_init(struct shell *sh)
{
    sh->ops.eval = exec_string;
    sh->ops.source = exec_source;
    sh->ops.cmdsub = exec_cmdsub;
    sh->ops.run_argv = exec_run_argv;
    sh->ops.run_script = exec_become_script;
}

void exec_set_arena(struct arena *a)
{
    tree_arena = a;
}

int exec_in_arena(struct shell *sh, struct node *n, struct arena *a)
{
    struct arena *outer = tree_arena;   /* eval inside a command nests */
    tree_arena = a;
    int status = exec_tree(sh, n);
    tree_arena = outer;
    return status;
}

int exec_command(struct shell *sh, struct node *n, struct arena *a, bool last)
{
    trace_command_begin(exec_label(n));    /* the teaching trace numbers and draws it */
    struct arena *outer = tree_arena;   /* eval and . run commands inside a command */
    tree_arena = a;
    int status = exec_walk(sh, n, last);
    tree_arena = outer;
    trace_command_end(status);
    return status;
}

bool exec_stopping(const struct shell *sh)
{
    if (sh->jump != JUMP_NONE)
        return true;
    /* Ctrl-C: an interactive shell drops the rest of the command line,
     * unless the user trapped SIGINT to do something else */
    return signals_got_int && sh->opt.interactive && sh->traps[SIGINT] == NULL;
}

/* ==== Small shared helpers ==== */

const char *exec_why(const char *fmt, ...)
{
    static char bufs[4][160];   /* a few at once: one call may pass two */
    static unsigned next;
    if (!sys_tracing())
        return NULL;            /* nobody reads it: do not format */
    char *b = bufs[next++ % 4];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b, sizeof bufs[0], fmt, ap);
    va_end(ap);
    return b;
}

const char *exec_label(const struct node *n)
{
    static char bufs[4][48];
    static unsigned next;
    if (!sys_tracing() || n == NULL)
        return "";
    struct strbuf sb = STRBUF_INIT;
    char *b = bufs[next++ % 4];
    ast_text(&sb, n);
    if (sb.len < sizeof bufs[0])
        memcpy(b, sb_str(&sb), sb.len + 1);
    else
        snprintf(b, sizeof bufs[0], "%.*s...", (int)sizeof bufs[0] - 4, sb_str(&sb));
    sb_free(&sb);
    return b;
}

int exec_expand_failed(struct shell *sh)
{
    int status = sh->last_status != 0 ? sh->last_status : STATUS_SYNTAX;
    shell_error_exit(sh, status);   /* POSIX 2.8.1: a script ends here */
    return status;
}

int exec_assign(struct shell *sh, const char *name, const char *value, unsigned flags)
{
    if (shell_set_var(sh, name, value, flags) == 0)
        return 0;
    diag_error(name, "is read only");
    shell_error_exit(sh, STATUS_SYNTAX);    /* dash: status 2, a script exits */
    return -1;
}

/*
 * Reap the children that have finished, between any two commands, so that
 * no zombie outlives the next command and `kill -0 $!` fails as soon as
 * the job is done (dash).  SIGCHLD's flag says when; a subshell, whose
 * SIGCHLD is back to its default, looks whenever it has a job.  With set -b
 * an interactive shell reports a finished job right away.
 */
static void reap_point(struct shell *sh)
{
    if (!signals_got_chld && !(sh->is_subshell && sh->jobs.len > 0))
        return;
    signals_got_chld = 0;   /* first: a SIGCHLD from now on sets it again */
    jobs_reap(&sh->jobs);
    if (sh->opt.interactive && sh->opt.notify)
        jobs_notify(&sh->jobs, stderr);
    else if (!sh->opt.interactive)
        jobs_forget_done(&sh->jobs);
}

bool exec_nothing_left(const struct shell *sh)
{
    /* a job-control shell must take the terminal back when the program
     * ends, so it waits for it (and `exec` gives the terminal back first) */
    if (sh->exit_trap != NULL || sh->jobs.job_control)
        return false;
    for (int sig = 1; sig < NSIG; sig++)
        if (sh->traps[sig] != NULL && sh->traps[sig][0] != '\0')
            return false;   /* a caught signal needs the shell; ignored ones survive exec */
    return true;
}

/* Run pending trap actions; an `exit` or `return` in one gives the status to return. */
static int safe_point(struct shell *sh, int status)
{
    reap_point(sh);
    signals_run_traps(sh);  /* it keeps $? unless the action ran `exit` or `return` */
    return sh->jump == JUMP_EXIT || sh->jump == JUMP_RETURN ? sh->last_status : status;
}

/* set -e: a failed command (not tested by if/while/&&/||/!) ends the shell. */
static void check_errexit(struct shell *sh, int status)
{
    if (status != 0 && sh->opt.errexit && sh->errexit_off == 0 && sh->jump == JUMP_NONE) {
        sh->last_status = status;
        sh->jump = JUMP_EXIT;
    }
}

/* After a command that POSIX calls a command for set -e purposes. */
static int leaf_done(struct shell *sh, int status, bool errexit)
{
    sh->last_status = status;
    status = safe_point(sh, status);
    if (errexit)
        check_errexit(sh, status);
    return status;
}

/* ==== Redirections ==== */

/* <&N >&N <&- >&-: TARGET must be a descriptor number or "-". */
static int plan_dup(struct shell *sh, const char *target, struct fd_op *op)
{
    if (strcmp(target, "-") == 0) {
        op->kind = FD_CLOSE;
        return 0;
    }
    char *end;
    errno = 0;
    long fd = strtol(target, &end, 10);
    if (target[0] < '0' || target[0] > '9' || *end != '\0' || errno != 0 || fd > INT_MAX) {
        diag_error(target, "bad fd number");
        sh->last_status = STATUS_SYNTAX;
        return -1;
    }
    op->kind = FD_DUP;
    op->src = (int)fd;
    return 0;
}

/* The open(2) flags of a file redirection. */
static int plan_oflag(enum redir_op op)
{
    switch (op) {
    case R_IN:      return O_RDONLY;
    case R_APPEND:  return O_WRONLY | O_CREAT | O_APPEND;
    case R_RDWR:    return O_RDWR | O_CREAT;
    default:        return O_WRONLY | O_CREAT | O_TRUNC;    /* > and >| */
    }
}

/* One redirection to one fd_op.  -1 after an error (printed, status set). */
static int plan_one(struct shell *sh, struct arena *a, const struct redir *r, struct fd_op *op)
{
    op->fd = r->fd;
    if (r->op == R_HEREDOC) {
        char *body = expand_heredoc(sh, a, r);
        if (body == NULL) {
            /* a redirection error, not an expansion error (as in dash):
             * the command fails with 2 and a script goes on, unless the
             * command is a special builtin */
            op->kind = FD_FAILED;
            return 0;
        }
        op->kind = FD_DATA;
        op->data = body;
        op->len = strlen(body);
        return 0;
    }
    char *target = expand_word(sh, a, r->target, 0);   /* one word: no splitting, no glob */
    if (target == NULL)
        return -1;
    if (r->op == R_DUP_IN || r->op == R_DUP_OUT)
        return plan_dup(sh, target, op);
    op->kind = FD_OPEN;
    op->path = target;
    op->oflag = plan_oflag(r->op);
    op->noclobber = r->op == R_OUT && sh->opt.noclobber;   /* >| always clobbers */
    return 0;
}

int exec_redir_plan(struct shell *sh, struct arena *a, const struct redir *r,
                    struct fd_op **ops, size_t *nops)
{
    size_t n = 0;
    for (const struct redir *p = r; p != NULL; p = p->next)
        n++;
    *ops = n > 0 ? arena_zalloc(a, n * sizeof **ops) : NULL;
    *nops = n;
    for (size_t i = 0; r != NULL; r = r->next, i++) {
        if (plan_one(sh, a, r, &(*ops)[i]) < 0) {
            exec_expand_failed(sh);
            return -1;
        }
    }
    return 0;
}

static int exec_node(struct shell *sh, struct node *n, bool last);

/* A compound command with redirections: save, apply, run, restore (unless
 * LAST's command replaced this process meanwhile). */
static int exec_redirected(struct shell *sh, struct node *n, bool last)
{
    struct arena *a = arena_new();
    struct redir_saved save = { NULL, 0, 0 };
    struct fd_op *ops;
    size_t nops;
    int status;
    diag_set_line(n->pos.line);     /* errors in the redirections name this line */
    if (exec_redir_plan(sh, a, n->redirs, &ops, &nops) < 0) {
        status = sh->last_status;
    } else if (redir_apply(ops, nops, &save, exec_label(n)) < 0) {
        /* redir_apply has undone what it did; for set -e the failure is the
         * command's own: `set -e; { ...; } < missing` ends the shell */
        status = leaf_done(sh, EXEC_REDIR_FAILED, true);
    } else {
        status = exec_node(sh, n, last);
        redir_restore(&save);
    }
    arena_unref(a);
    return status;
}

/* ==== Lists and conditionals ==== */

/* a ; b */
static int exec_seq(struct shell *sh, struct node *n, bool last)
{
    int status = exec_tree(sh, n->u.binary.left);
    if (exec_stopping(sh))
        return status;
    return exec_walk(sh, n->u.binary.right, last);
}

/* a && b, a || b: set -e ignores a failure of the left side */
static int exec_andor(struct shell *sh, struct node *n, bool last)
{
    sh->errexit_off++;
    int status = exec_tree(sh, n->u.binary.left);
    sh->errexit_off--;
    if (exec_stopping(sh))
        return status;
    if ((status == 0) == (n->kind == N_AND))
        status = exec_walk(sh, n->u.binary.right, last);
    return status;
}

/* Run a condition (if, while, until): set -e does not apply inside it. */
static int exec_cond(struct shell *sh, struct node *cond)
{
    sh->errexit_off++;
    int status = exec_tree(sh, cond);
    sh->errexit_off--;
    return status;
}

/* if c; then t; else e; fi  (elif is an N_IF in els) */
static int exec_if(struct shell *sh, struct node *n, bool last)
{
    int status = exec_cond(sh, n->u.if_.cond);
    if (exec_stopping(sh))
        return status;
    if (status == 0)
        return exec_walk(sh, n->u.if_.then, last);
    return n->u.if_.els != NULL ? exec_walk(sh, n->u.if_.els, last) : 0;
}

/* ==== Loops ==== */

enum loop_step {
    LOOP_GO,        /* nothing pending: carry on */
    LOOP_NEXT,      /* a `continue` for this loop: next iteration */
    LOOP_STOP       /* leave this loop (a break, or something unwinding further) */
};

/*
 * After a loop's condition or body: consume a break/continue meant for this
 * loop.  `break N` passes through N-1 enclosing loops first; the builtin has
 * already clamped N to the loops we are in.
 */
static enum loop_step loop_jump(struct shell *sh)
{
    if (sh->jump != JUMP_BREAK && sh->jump != JUMP_CONTINUE)
        return exec_stopping(sh) ? LOOP_STOP : LOOP_GO;
    if (sh->jump_count > 1 && sh->loop_depth > 1) {
        sh->jump_count--;           /* for an outer loop */
        return LOOP_STOP;
    }
    enum shell_jump kind = sh->jump;
    sh->jump = JUMP_NONE;
    sh->jump_count = 0;
    return kind == JUMP_BREAK ? LOOP_STOP : LOOP_NEXT;
}

/* while c; do b; done   until c; do b; done */
static int exec_while(struct shell *sh, struct node *n)
{
    bool until = n->kind == N_UNTIL;
    int status = 0;     /* POSIX: 0 if the body never ran */
    sh->loop_depth++;
    for (;;) {
        int cond = exec_cond(sh, n->u.loop.cond);
        enum loop_step step = loop_jump(sh);
        if (step == LOOP_STOP) {
            if (sh->jump != JUMP_NONE)
                status = cond;      /* `exit`/`return` in the condition */
            break;
        }
        if (step == LOOP_NEXT)
            continue;
        if ((cond == 0) == until)
            break;
        status = exec_tree(sh, n->u.loop.body);
        if (loop_jump(sh) == LOOP_STOP)
            break;
    }
    sh->loop_depth--;
    return status;
}

/* The words a for loop runs over, in A: its list expanded, or "$@". */
static int for_items(struct shell *sh, struct arena *a, const struct node *n,
                     char ***items, size_t *count)
{
    if (n->u.for_.has_in) {
        if (n->u.for_.words == NULL) {      /* `for x in; do` loops zero times */
            *items = NULL;
            *count = 0;
            return 0;
        }
        return expand_words(sh, a, n->u.for_.words, items, count);
    }
    /* copies: the body may run `set --` or `shift` */
    *count = (size_t)sh->nparams;
    *items = arena_alloc(a, (*count + 1) * sizeof **items);
    for (size_t i = 0; i < *count; i++)
        (*items)[i] = arena_strdup(a, sh->params[i]);
    (*items)[*count] = NULL;
    return 0;
}

/* for v in words; do b; done */
static int exec_for(struct shell *sh, struct node *n)
{
    struct arena *a = arena_new();      /* the words live as long as the loop */
    char **items;
    size_t count;
    int status = 0;
    diag_set_line(n->pos.line);
    if (for_items(sh, a, n, &items, &count) < 0) {
        status = exec_expand_failed(sh);
        goto done;
    }
    sh->loop_depth++;
    for (size_t i = 0; i < count; i++) {
        if (exec_assign(sh, n->u.for_.var, items[i], 0) < 0) {
            status = STATUS_SYNTAX;
            break;
        }
        status = exec_tree(sh, n->u.for_.body);
        if (loop_jump(sh) == LOOP_STOP)
            break;
    }
    sh->loop_depth--;
done:
    arena_unref(a);
    return status;
}

/* ==== case ==== */

/* Does one of ITEM's patterns match SUBJECT?  1 yes, 0 no, -1 expansion error. */
static int case_matches(struct shell *sh, struct arena *a, const struct case_item *item,
                        const char *subject)
{
    for (const struct word *w = item->patterns; w != NULL; w = w->next) {
        char *pattern = expand_word(sh, a, w, EXP_PATTERN);
        if (pattern == NULL)
            return -1;
        if (expand_match(pattern, subject))
            return 1;
    }
    return 0;
}

/* case w in p|q) list;; ... esac   (;& falls through to the next list) */
static int exec_case(struct shell *sh, struct node *n, bool last)
{
    struct arena *a = arena_new();
    const struct case_item *item = n->u.case_.items;
    int status = 0;     /* no pattern matched */
    int found = 0;
    diag_set_line(n->pos.line);
    char *subject = expand_word(sh, a, n->u.case_.subject, 0);
    if (subject == NULL) {
        status = exec_expand_failed(sh);
        goto done;
    }
    for (; item != NULL; item = item->next) {
        found = case_matches(sh, a, item, subject);
        if (found != 0)
            break;
    }
    if (found < 0) {
        status = exec_expand_failed(sh);
        goto done;
    }
    for (; item != NULL; item = item->next) {
        status = exec_walk(sh, item->body, last && !item->fallthrough);
        if (!item->fallthrough || exec_stopping(sh))
            break;
    }
done:
    arena_unref(a);
    return status;
}

/* ==== Functions ==== */

struct exec_func *exec_func_of(struct node *body)
{
    if (body == NULL)
        return NULL;
    struct exec_func *f = (struct exec_func *)(void *)((char *)body - offsetof(struct exec_func, body));
    return f->magic == EXEC_FUNC_MAGIC ? f : NULL;
}

/*
 * name() compound-command: the function table keeps a reference on the
 * tree's arena, so the body stays valid after this command is done.
 */
static int exec_funcdef(struct shell *sh, struct node *n)
{
    const char *name = n->u.func.name;
    struct exec_func *old = exec_func_of(funcs_get(sh->funcs, name));
    if (old != NULL && old->src == n)
        return 0;   /* a loop re-running the same definition: nothing changes */
    if (tree_arena == NULL || n->u.func.body == NULL) {
        diag_error(name, "cannot define a function here");     /* an executor bug */
        return STATUS_FAIL;
    }
    struct exec_func *f = arena_alloc(tree_arena, sizeof *f);
    f->magic = EXEC_FUNC_MAGIC;
    f->arena = tree_arena;
    f->src = n;
    f->body = *n->u.func.body;
    funcs_set(sh->funcs, name, &f->body, tree_arena);
    return 0;
}

/* ==== The walk ==== */

static int exec_node(struct shell *sh, struct node *n, bool last)
{
    switch (n->kind) {
    case N_SIMPLE:      return leaf_done(sh, exec_simple(sh, n, last), true);
    case N_PIPELINE:    return leaf_done(sh, exec_pipeline(sh, n, last), !n->u.pipeline.negated);
    case N_SUBSHELL:    return leaf_done(sh, exec_subshell(sh, n, last), true);
    case N_BACKGROUND:  return leaf_done(sh, exec_background(sh, n), false);
    case N_AND:
    case N_OR:          return exec_andor(sh, n, last);
    case N_SEQ:         return exec_seq(sh, n, last);
    case N_GROUP:       return exec_walk(sh, n->u.group.body, last);
    case N_IF:          return exec_if(sh, n, last);
    case N_WHILE:
    case N_UNTIL:       return exec_while(sh, n);
    case N_FOR:         return exec_for(sh, n);
    case N_CASE:        return exec_case(sh, n, last);
    case N_FUNCDEF:     return exec_funcdef(sh, n);
    }
    return 0;
}

/* Kinds whose redirections are not applied around them here: a simple
 * command and the forking kinds do it themselves (in the child), and a
 * function definition's belong to its body. */
static bool redirs_elsewhere(enum node_kind kind)
{
    return kind == N_SIMPLE || kind == N_SUBSHELL || kind == N_BACKGROUND || kind == N_FUNCDEF;
}

static int exec_walk(struct shell *sh, struct node *n, bool last)
{
    int status;
    if (walk_depth++ == 0)
        signals_got_int = 0;    /* a Ctrl-C before this command is not for it */
    if (n == NULL)
        status = 0;
    else if (n->redirs != NULL && !redirs_elsewhere(n->kind))
        status = exec_redirected(sh, n, last);
    else
        status = exec_node(sh, n, last);
    walk_depth--;
    sh->last_status = status;
    return status;
}

int exec_tree(struct shell *sh, struct node *n)
{
    return exec_walk(sh, n, false);
}

int exec_tree_last(struct shell *sh, struct node *n)
{
    return exec_walk(sh, n, true);
}

/* ==== Running text: eval, trap actions, `.` files ==== */

static const char *exec_alias(void *ctx, const char *name)
{
    const struct shell *sh = ctx;
    return alias_get(sh->aliases, name);
}

/* Parse and run P's commands one at a time, each in a fresh arena, until
 * the end, a syntax error or a jump.  Returns the last status. */
static int exec_parser(struct shell *sh, struct parser *p)
{
    static int nesting;         /* eval and . inside eval and .: s='eval "$s"' must not overflow the stack */
    if (nesting >= EXEC_MAX_FUNC_DEPTH) {
        diag_error(NULL, "eval/.: maximum nesting depth (%d) exceeded", EXEC_MAX_FUNC_DEPTH);
        shell_error_exit(sh, STATUS_SYNTAX);
        return STATUS_SYNTAX;
    }
    nesting++;
    int status = 0;
    int line = diag_line();     /* $LINENO of the caller comes back afterwards */
    parser_set_alias(p, exec_alias, sh);
    while (!exec_stopping(sh)) {
        struct arena *a = arena_new();
        struct node *n = NULL;
        enum parse_status ps = parser_next(p, a, &n);
        if (ps == PARSE_OK && n != NULL && !(sh->opt.noexec && !sh->opt.interactive))
            status = exec_command(sh, n, a, false);
        arena_unref(a);     /* a function defined in it holds its own reference */
        if (ps == PARSE_EOF)
            break;
        if (ps == PARSE_ERROR) {
            status = STATUS_SYNTAX;
            shell_error_exit(sh, status);   /* a script ends at a syntax error */
            break;
        }
    }
    nesting--;
    diag_set_line(line);
    return status;
}

int exec_string(struct shell *sh, const char *text, const char *name)
{
    (void)name;     /* messages keep naming the script, as dash's do */
    struct parser *p = parser_new_string(text);
    int status = exec_parser(sh, p);
    parser_free(p);
    sh->last_status = status;
    return status;
}

/* Read all of file PATH into OUT, in 32 KiB blocks (a configure script
 * is a few hundred KiB).  0, or -1 after "minish: PATH: WHY". */
static int read_file(const char *path, struct strbuf *out)
{
    enum { BLOCK = 32768 };
    ssize_t n;
    int fd = sys_open(path, O_RDONLY, 0, exec_why("read the commands of %s", path));
    if (fd < 0) {
        diag_error(path, "%s", strerror(errno));
        return -1;
    }
    char *buf = xmalloc(BLOCK);
    while ((n = sys_read(fd, buf, BLOCK)) > 0)
        sb_putn(out, buf, (size_t)n);
    free(buf);
    int err = n < 0 ? errno : 0;
    if (sys_close(fd, "the whole file is read") < 0 && err == 0)
        err = errno;
    if (err != 0) {
        diag_error(path, "%s", strerror(err));
        return -1;
    }
    return 0;
}

/*
 * The file is read whole, then parsed a command at a time (bash does the
 * same for `.`): no descriptor stays open for the script's own `exec 3<`
 * to collide with, and the executor needs no line reader (input.c sits
 * above it in the layers).
 */
/* The lines of a `.` file, shown on stderr as they are read under set -v. */
struct source_reader {
    struct lex_string str;
    const struct shell *sh;
};

static const char *source_read(void *ctx, bool continuation, size_t *len)
{
    struct source_reader *r = ctx;
    const char *line = lex_string_read(&r->str, continuation, len);
    if (line != NULL && r->sh->opt.verbose) {
        fwrite(line, 1, *len, stderr);  /* the line only, not the text after it */
        fflush(stderr);
    }
    return line;
}

int exec_source(struct shell *sh, const char *path)
{
    struct strbuf text = STRBUF_INIT;
    if (read_file(path, &text) < 0) {
        sb_free(&text);
        return STATUS_SYNTAX;
    }
    struct source_reader r = { { sb_str(&text), 0 }, sh };
    struct parser *p = parser_new(source_read, &r);
    int status = exec_parser(sh, p);
    parser_free(p);
    sb_free(&text);
    return status;
}
