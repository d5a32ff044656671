/*
 * bi_flow.c -- builtins that change where the shell goes next: exit,
 * return, break, continue, eval, . (dot) and exec.
 *
 * Owns: setting sh->jump / sh->jump_count, and the `.` PATH walk.
 * Never: unwinds anything itself; the executor sees sh->jump and stops.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "jobs.h"
#include "path.h"
#include "shell.h"
#include "signals.h"
#include "strbuf.h"
#include "sys.h"
#include "vars.h"

/* ==== exit return ==== */

/*
 * The status for `exit [n]` / `return [n]`: N, or $? without one -- in a
 * trap action, $? as it was when the action started (POSIX).
 * -1 after an error (reported).
 */
static int jump_status(struct shell *sh, int argc, char **argv)
{
    int n;
    if (argc < 2 && sh->trap.active && sh->trap.func_depth == sh->func_depth)
        return sh->trap.status;
    if (argc < 2)
        return sh->last_status;
    if (bi_number(argv[0], argv[1], &n) < 0)
        return -1;
    return n;
}

/* exit [n] -- leave the shell; an interactive shell with stopped jobs warns once first. */
int bi_exit(struct shell *sh, int argc, char **argv)
{
    static bool warned;     /* the previous `exit` warned: this one goes */
    int status = jump_status(sh, argc, argv);
    if (status < 0) {
        shell_error_exit(sh, 2);
        return 2;
    }
    if (sh->opt.interactive && !warned && jobs_any_stopped(&sh->jobs)) {
        fputs("There are stopped jobs.\n", stderr);
        warned = true;
        return 1;
    }
    warned = false;
    status &= 0xff;     /* what the parent's wait() would see anyway */
    sh->last_status = status;
    sh->jump = JUMP_EXIT;
    return status;
}

/*
 * return [n] -- leave the function, `.` file or script that is running.
 * N is kept whole, as dash does (`return 300` gives $? = 300); POSIX leaves
 * N > 255 unspecified.
 */
int bi_return(struct shell *sh, int argc, char **argv)
{
    int status = jump_status(sh, argc, argv);
    if (status < 0) {
        shell_error_exit(sh, 2);
        return 2;
    }
    sh->last_status = status;
    sh->jump = JUMP_RETURN;
    return status;
}

/* ==== break continue ==== */

/* break/continue [n]: N >= 1 levels, clamped to the loops we are in. */
static int loop_jump(struct shell *sh, int argc, char **argv, enum shell_jump kind)
{
    int n = 1;
    if (argc > 1 && (bi_number(argv[0], argv[1], &n) < 0 || n < 1)) {
        if (n < 1)
            diag_error(argv[0], "Illegal number: %s", argv[1]);
        shell_error_exit(sh, 2);
        return 2;
    }
    if (sh->loop_depth == 0)
        return 0;   /* outside a loop: ignored, as in dash */
    sh->jump = kind;
    sh->jump_count = n < sh->loop_depth ? n : sh->loop_depth;
    return 0;
}

int bi_break(struct shell *sh, int argc, char **argv)
{
    return loop_jump(sh, argc, argv, JUMP_BREAK);
}

int bi_continue(struct shell *sh, int argc, char **argv)
{
    return loop_jump(sh, argc, argv, JUMP_CONTINUE);
}

/* ==== eval ==== */

/* eval [arg...] -- join the arguments with spaces and run the result here. */
int bi_eval(struct shell *sh, int argc, char **argv)
{
    struct strbuf text = STRBUF_INIT;
    int status;
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            sb_putc(&text, ' ');
        sb_puts(&text, argv[i]);
    }
    status = text.len == 0 ? 0 : sh->ops.eval(sh, sb_str(&text), NULL);
    sb_free(&text);
    return status;
}

/* ==== . (dot) ==== */

/* A readable file that is not a directory (/dev/null is fine, as in dash)? */
static bool dot_readable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode) && access(path, R_OK) == 0;
}

/*
 * Find NAME for `.`: as given if it has a '/', else the first readable
 * file in PATH (path_search wants execute permission, which `.` does not).
 * Returns a heap string or NULL.
 */
static char *dot_find(const char *name, const char *pathvar)
{
    struct strbuf sb = STRBUF_INIT;
    if (strchr(name, '/') != NULL)
        return dot_readable(name) ? xstrdup(name) : NULL;
    if (pathvar == NULL)
        pathvar = "/usr/local/bin:/usr/bin:/bin";
    for (const char *p = pathvar;; p++) {
        size_t len = strcspn(p, ":");
        sb_reset(&sb);
        if (len == 0)
            sb_puts(&sb, ".");      /* an empty entry is the current directory */
        else
            sb_putn(&sb, p, len);
        sb_printf(&sb, "/%s", name);
        if (dot_readable(sb_str(&sb)))
            return sb_detach(&sb);
        p += len;
        if (*p == '\0')
            break;
    }
    sb_free(&sb);
    return NULL;
}

static void params_free(char **params, int n)
{
    for (int i = 0; i < n; i++)
        free(params[i]);
    free(params);
}

/* . file [arg...] -- run FILE's commands in this shell; args become $1... meanwhile. */
int bi_dot(struct shell *sh, int argc, char **argv)
{
    char **saved = sh->params;
    int nsaved = sh->nparams;
    int status;
    char *path;
    struct stat st;
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        argv++;         /* `. -- file`: the end of (no) options */
        argc--;
    }
    if (argc < 2) {
        diag_error(argv[0], "filename argument required");
        if (strcmp(argv[0], "source") != 0)
            shell_error_exit(sh, 2);
        return 2;
    }
    if (strchr(argv[1], '/') != NULL && stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_error(argv[0], "%s: is a directory", argv[1]);
        return 1;       /* as bash: an error, but the script goes on */
    }
    path = dot_find(argv[1], vars_get(sh->vars, "PATH"));
    if (path == NULL) {
        diag_error(argv[0], "%s: not found", argv[1]);
        if (strcmp(argv[0], "source") == 0)
            return 1;               /* bash's `source` is a regular builtin: go on */
        shell_error_exit(sh, 2);    /* `.` is special: a script ends here */
        return 2;
    }
    if (argc > 2) {
        sh->params = NULL;
        sh->nparams = 0;
        shell_set_params(sh, argv + 2, argc - 2);
    }
    status = sh->ops.source(sh, path);
    if (argc > 2) {     /* the file's own $@ goes; ours comes back */
        params_free(sh->params, sh->nparams);
        sh->params = saved;
        sh->nparams = nsaved;
    }
    if (sh->jump == JUMP_RETURN)
        sh->jump = JUMP_NONE;   /* `return` in the file ends only the file */
    free(path);
    return status;
}

/* ==== exec ==== */

/* Find CMD for exec: a heap path, or NULL with errno ENOENT / EACCES. */
static char *exec_find(struct shell *sh, const char *name)
{
    struct stat st;
    if (strchr(name, '/') == NULL)
        return path_search(name, vars_get(sh->vars, "PATH"));
    if (stat(name, &st) < 0)
        return NULL;
    if (!S_ISREG(st.st_mode) || access(name, X_OK) < 0) {
        errno = EACCES;
        return NULL;
    }
    return xstrdup(name);
}

/* After a failed execve: the shell's own handlers and traps come back. */
static void exec_restore_signals(struct shell *sh)
{
    signals_init(sh->opt.interactive, sh->jobs.job_control);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sh->traps[sig] == NULL)
            continue;
        if (sh->traps[sig][0] == '\0')
            signals_ignore(sig);
        else
            signals_trap(sig);
    }
}

/* exec [cmd [arg...]] -- replace the shell with CMD (redirections alone are the executor's). */
int bi_exec(struct shell *sh, int argc, char **argv)
{
    int i = (argc > 1 && strcmp(argv[1], "--") == 0) ? 2 : 1;
    int status;
    char *path;
    if (i >= argc)
        return 0;
    path = exec_find(sh, argv[i]);
    if (path != NULL) {
        fflush(NULL);               /* the new image would lose our buffered output */
        signals_exec(sh);           /* traps do not survive exec; ignored signals do */
        jobs_tty_release(&sh->jobs);    /* the program runs where the shell was started */
        sys_execve(path, argv + i, vars_environ(sh->vars));
        if (errno == ENOEXEC && sh->ops.run_script != NULL)
            sh->ops.run_script(sh, path, argv + i, vars_environ(sh->vars));    /* a script without #! (POSIX) */
        int saved = errno;
        jobs_tty_reclaim(&sh->jobs);
        exec_restore_signals(sh);
        free(path);
        errno = saved;
    }
    status = errno == ENOENT ? STATUS_NOTFOUND : STATUS_NOEXEC;
    if (status == STATUS_NOTFOUND)
        diag_error("exec", "%s: not found", argv[i]);
    else
        diag_error("exec", "%s: %s", argv[i], strerror(errno));
    shell_error_exit(sh, status);
    return status;
}
