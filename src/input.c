/*
 * input.c -- the three sources of command lines: the terminal through GNU
 * readline, a descriptor (a script file or a pipe), and a string (-c).
 *
 * Owns: the line buffer the parser reads from, readline's configuration
 *       (editing mode, window size), turning each command typed into one
 *       history entry, Ctrl-C at the prompt and Ctrl-C/Ctrl-D at PS2,
 *       set -v echoing.
 * Never: parses; it hands lines to the parser through input_read.
 *
 * Two choices worth knowing:
 *  - A script on stdin shares that descriptor with the commands it runs
 *    (`read line` must get the line after the one being run), so stdin is
 *    never read past the end of the current line: a byte at a time for a
 *    pipe, or a block that is given back with lseek for a file.  A script
 *    we open ourselves sits on a private descriptor and is read in blocks.
 *  - readline is driven through its callback interface with pselect, not
 *    readline(): the shell's SIGINT handler only sets a flag, and with
 *    pselect we see that flag the moment Ctrl-C arrives, throw the typed
 *    line away and show one fresh prompt.  SIGCHLD just restarts the wait.
 *    SIGHUP (the terminal closed) is answered as end of input, so the
 *    shell leaves through shell_exit and the history file is saved.
 */
#include "input.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/readline.h>

#include "complete.h"
#include "diag.h"
#include "history.h"
#include "jobs.h"
#include "prompt.h"
#include "shell.h"
#include "signals.h"
#include "strbuf.h"
#include "sys.h"
#include "vars.h"

enum input_kind { IN_READLINE, IN_FD, IN_STRING };

struct input {
    enum input_kind kind;
    struct shell *sh;
    struct strbuf line;         /* the line handed out last (valid until the next call) */

    /* IN_FD */
    int fd;
    bool byte_at_a_time;        /* stdin that cannot seek: never read past a newline */
    bool give_back;             /* seekable stdin: lseek back what was read past the line */
    char *buf;                  /* allocated at the first read */
    size_t pos, len;            /* unread bytes are buf[pos..len) */

    /* IN_STRING */
    char *text;
    size_t text_pos;

    /* IN_READLINE */
    struct strbuf command;      /* the lines of the command being typed (one history entry) */
    char *typed;                /* what readline's line handler received (malloc) */
    bool got_line;              /* the handler has run: typed is a line, or NULL at EOF */
    enum input_abandon abandoned;   /* Ctrl-C or Ctrl-D threw away a continued command */
};

/* ==== Descriptors ==== */

struct input *input_fd(struct shell *sh, int fd)
{
    struct input *in = xcalloc(1, sizeof *in);
    in->kind = IN_FD;
    in->sh = sh;
    in->fd = fd;
    if (fd == STDIN_FILENO) {
        bool seekable = lseek(fd, 0, SEEK_CUR) >= 0;
        in->give_back = seekable;
        in->byte_at_a_time = !seekable;
    }
    return in;
}

/*
 * A script of our own is read in large blocks (one read for most
 * scripts); seekable stdin in small ones, because what is read past each
 * line is given back with lseek, and a pipe a byte at a time.
 */
enum { FD_BLOCK = 32768, FD_BLOCK_GIVEN_BACK = 4096 };

/* Refill the buffer.  False at end of input (or a read error). */
static bool fd_fill(struct input *in)
{
    size_t want = in->byte_at_a_time ? 1 : in->give_back ? FD_BLOCK_GIVEN_BACK : FD_BLOCK;
    if (in->buf == NULL)
        in->buf = xmalloc(want);
    ssize_t n = sys_read(in->fd, in->buf, want);
    if (n < 0)
        diag_error("read", "%s", strerror(errno));
    if (n <= 0)
        return false;
    in->pos = 0;
    in->len = (size_t)n;
    return true;
}

/* Give back the bytes read past the line, so that commands reading stdin see them. */
static void fd_give_back(struct input *in)
{
    if (!in->give_back || in->pos == in->len)
        return;
    if (lseek(in->fd, (off_t)in->pos - (off_t)in->len, SEEK_CUR) < 0)
        return;     /* cannot happen for a seekable file; keep the bytes then */
    in->pos = in->len = 0;
}

/* NUL bytes cannot be part of a C string, so they are dropped (as dash does). */
static const char *fd_read_line(struct input *in)
{
    sb_reset(&in->line);
    while (in->pos < in->len || fd_fill(in)) {
        /* the rest of the line, or of the buffer, in one piece */
        const char *start = in->buf + in->pos;
        size_t avail = in->len - in->pos;
        const char *nl = memchr(start, '\n', avail);
        size_t n = nl != NULL ? (size_t)(nl - start) + 1 : avail;
        in->pos += n;
        if (memchr(start, '\0', n) == NULL) {
            sb_putn(&in->line, start, n);
        } else {
            for (size_t i = 0; i < n; i++)
                if (start[i] != '\0')
                    sb_putc(&in->line, start[i]);
        }
        if (nl != NULL)
            break;
    }
    fd_give_back(in);
    return in->line.len > 0 ? in->line.buf : NULL;
}

/* ==== Strings ==== */

struct input *input_string(struct shell *sh, const char *text)
{
    struct input *in = xcalloc(1, sizeof *in);
    in->kind = IN_STRING;
    in->sh = sh;
    in->fd = -1;
    in->text = xstrdup(text);
    return in;
}

static const char *string_read_line(struct input *in)
{
    const char *start = in->text + in->text_pos;
    if (*start == '\0')
        return NULL;
    size_t n = strcspn(start, "\n");
    if (start[n] == '\n')
        n++;
    sb_reset(&in->line);
    sb_putn(&in->line, start, n);
    in->text_pos += n;
    return in->line.buf;
}

/* ==== The terminal ==== */

/* readline's line handler takes no context argument: the input being read. */
static struct input *reading;

static void on_line(char *line)
{
    reading->typed = line;
    reading->got_line = true;
    rl_callback_handler_remove();   /* restores the terminal modes */
}

/*
 * The editing mode (set -o vi / set -o emacs) and readline's
 * rl_editing_mode (0 vi, 1 emacs) are kept equal: the option is applied
 * before each prompt, and a switch made inside readline (its
 * vi-editing-mode key, `set editing-mode vi` in ~/.inputrc) is read back
 * after each line, so `set -o` always tells the truth.
 */
enum { RL_VI_MODE = 0, RL_EMACS_MODE = 1 };

static void editing_mode_apply(const struct shell *sh)
{
    int want = sh->opt.vi ? RL_VI_MODE : RL_EMACS_MODE;
    if (rl_editing_mode != want)
        rl_variable_bind("editing-mode", want == RL_VI_MODE ? "vi" : "emacs");
}

static void editing_mode_read_back(struct shell *sh)
{
    bool vi = rl_editing_mode == RL_VI_MODE;
    if (vi != sh->opt.vi)
        shell_set_option_name(sh, vi ? "vi" : "emacs", true);
}

/* Keep the history across sessions: written when the shell exits. */
static void history_at_exit(struct shell *sh)
{
    history_save(sh);
    history_free();
}

struct input *input_readline(struct shell *sh)
{
    struct input *in = xcalloc(1, sizeof *in);
    in->kind = IN_READLINE;
    in->sh = sh;
    in->fd = -1;
    /* the user's character set, so that readline and the syntax-error caret
     * count UTF-8 letters as the terminal shows them */
    setlocale(LC_CTYPE, "");
    rl_catch_signals = 0;       /* the shell owns its signal handlers ... */
    rl_catch_sigwinch = 0;      /* ... all of them: a resize sets a flag we act on */
    signals_trap(SIGWINCH);
    rl_instream = stdin;
    rl_outstream = stderr;      /* prompts go to stderr, as in other shells */
    complete_init(sh);
    rl_initialize();            /* reads ~/.inputrc: its editing-mode counts ... */
    if (!sh->opt.vi)            /* ... unless ~/.minishrc said `set -o vi` */
        editing_mode_read_back(sh);
    history_init(sh);
    sh->ops.at_exit = history_at_exit;
    return in;
}

/* The command typed so far is complete: make it one history entry. */
static void flush_command(struct input *in)
{
    if (in->command.len > 0)
        history_add_entry(in->command.buf);
    sb_reset(&in->command);
}

/* A hangup ends the session, unless the user trapped SIGHUP (`trap '...' HUP`). */
static bool hung_up(const struct input *in)
{
    return signals_got_hup && in->sh->traps[SIGHUP] == NULL;
}

/*
 * set -b: a job has ended while the user types.  Report it at once on a
 * line of its own, then draw the prompt and the typed text again (bash).
 */
static void notify_now(const struct input *in)
{
    if (!in->sh->opt.notify || !jobs_have_notices(&in->sh->jobs))
        return;
    rl_crlf();                      /* leave the line being typed as it is */
    jobs_notify(&in->sh->jobs, stderr);
    rl_on_new_line();               /* the cursor is at the start of a fresh line */
    rl_redisplay();
}

/*
 * Wait until the terminal has input.  Returns 1 when it has, 0 if Ctrl-C
 * or a hangup came first, -1 on error.  SIGINT, SIGHUP and SIGCHLD are
 * blocked except inside pselect, so a signal cannot slip in between
 * testing the flags and waiting.
 */
static int wait_terminal(const struct input *in, int fd)
{
    sigset_t block, old;
    fd_set fds;
    int r;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGCHLD);
    sigaddset(&block, SIGWINCH);
    if (sigprocmask(SIG_BLOCK, &block, &old) < 0)
        return -1;
    for (;;) {
        if (signals_got_chld) {
            /* a background job ended while the user types: reap it now
             * (no zombie meanwhile), report it before the next prompt */
            signals_got_chld = 0;
            jobs_reap(&in->sh->jobs);
            notify_now(in);
        }
        if (signals_take(SIGWINCH))
            rl_resize_terminal();   /* the window changed: new width, line redrawn */
        r = 0;
        if (signals_got_int || hung_up(in))
            break;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        r = pselect(fd + 1, &fds, NULL, NULL, NULL, &old);
        if (r >= 0 || errno != EINTR)
            break;
    }
    int err = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return r;
}

/* Ctrl-C: show ^C, throw the typed text away, leave the cursor on a new line. */
static void discard_typed_line(void)
{
    signals_got_int = 0;
    sys_trace_note("signal SIGINT received   # throw away the typed line");
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_echo_signal_char(SIGINT);
    rl_replace_line("", 0);
    rl_crlf();
    rl_callback_handler_remove();
}

/* Feed readline characters until a line is complete.  Returns false on Ctrl-C. */
static bool run_readline(struct input *in, const char *prompt)
{
    in->got_line = false;
    in->typed = NULL;
    reading = in;
    /* The window may have changed while a foreground job had the terminal
     * (the shell is not told then): ask the terminal for its size now. */
    rl_reset_screen_size();
#if RL_READLINE_VERSION >= 0x0801
    /* readline 8 never clears this after an end of input, and with it set
     * every later line ends with an extra newline (bracketed paste) */
    rl_eof_found = 0;
#endif
    editing_mode_apply(in->sh);
    rl_callback_handler_install(prompt, on_line);   /* prints the prompt */
    while (!in->got_line) {
        int r = wait_terminal(in, fileno(rl_instream));
        if (r == 0 && hung_up(in)) {
            rl_callback_handler_remove();
            return true;        /* no line: end of input, the shell exits and saves history */
        }
        if (r == 0)
            return false;
        if (r < 0) {
            diag_error("read", "%s", strerror(errno));
            rl_callback_handler_remove();
            return true;        /* no line: end of input */
        }
        rl_callback_read_char();
    }
    editing_mode_read_back(in->sh);
    return true;
}

/* One line from the terminal (malloc'd, without '\n'), or NULL at end of
 * input or when the user gave up a continued command (Ctrl-C or Ctrl-D at
 * PS2): that command is thrown away and the shell goes on (dash, bash). */
static char *tty_read(struct input *in, bool continuation)
{
    if (!continuation)
        signals_got_int = 0;    /* a Ctrl-C meant for a finished command is stale now */
    for (;;) {
        char *prompt = prompt_render(in->sh, vars_get(in->sh->vars, continuation ? "PS2" : "PS1"));
        bool done = run_readline(in, prompt);
        free(prompt);
        if (done && in->typed == NULL && continuation && !hung_up(in)) {
            flush_command(in);  /* kept in the history, as bash does: Up brings it back to fix */
            in->abandoned = INPUT_ENDED;    /* the parser reports what is unfinished */
            return NULL;
        }
        if (done) {
            jobs_save_tty_modes(&in->sh->jobs);   /* readline has restored them */
            return in->typed;
        }
        discard_typed_line();
        in->sh->last_status = STATUS_SIGBASE + SIGINT;     /* bash: $? is 130 after ^C */
        if (continuation) {
            flush_command(in);
            in->abandoned = INPUT_INTERRUPTED;
            diag_mute(true);    /* silently: the parser's complaint about the end is not shown */
            return NULL;
        }
    }
}

static const char *tty_read_line(struct input *in, bool continuation)
{
    if (!continuation)
        flush_command(in);      /* the previous command is complete */
    char *typed = tty_read(in, continuation);
    if (typed == NULL) {
        flush_command(in);
        return NULL;
    }
    if (in->command.len > 0)
        sb_putc(&in->command, '\n');
    sb_puts(&in->command, typed);
    sb_reset(&in->line);
    sb_puts(&in->line, typed);
    sb_putc(&in->line, '\n');
    free(typed);
    return in->line.buf;
}

/* ==== Common ==== */

const char *input_read(void *ctx, bool continuation, size_t *len)
{
    struct input *in = ctx;
    const char *line = NULL;
    switch (in->kind) {
    case IN_READLINE: line = tty_read_line(in, continuation); break;
    case IN_FD: line = fd_read_line(in); break;
    case IN_STRING: line = string_read_line(in); break;
    }
    if (line == NULL)
        return NULL;
    *len = strlen(line);
    if (in->sh->opt.verbose) {
        fputs(line, stderr);    /* set -v: show input as it is read */
        fflush(stderr);
    }
    return line;
}

void input_command_done(struct input *in)
{
    if (in->kind == IN_READLINE)
        flush_command(in);
}

bool input_at_end(const struct input *in)
{
    if (in->kind != IN_STRING)
        return false;
    return in->text[in->text_pos + strspn(in->text + in->text_pos, " \t\n")] == '\0';
}

enum input_abandon input_take_abandoned(struct input *in)
{
    enum input_abandon how = in->abandoned;
    in->abandoned = INPUT_KEPT;
    diag_mute(false);
    return how;
}

void input_free(struct input *in)
{
    if (in == NULL)
        return;
    if (in->kind == IN_READLINE) {
        flush_command(in);
        complete_free();
    }
    /* stdin, stdout and stderr belong to the commands too: only our own descriptor is closed */
    if (in->kind == IN_FD && in->fd > STDERR_FILENO)
        sys_close(in->fd, "end of script");
    sb_free(&in->line);
    sb_free(&in->command);
    free(in->buf);
    free(in->text);
    free(in);
}
