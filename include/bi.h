/*
 * bi.h -- internal to the builtins: one declaration per builtin command,
 * the helpers the builtin files share, and the pure functions the unit
 * tests drive directly (test's evaluator, printf's formatter, umask's
 * parser).
 *
 * Owns: the names bi_NAME (the builtin called NAME) and the helpers below.
 * Never: included by anything but src/builtins.c, src/bi_*.c and their tests.
 */
#ifndef MINISH_BI_H
#define MINISH_BI_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* glibc shows NSIG only outside strict POSIX mode; shell.h's traps[] needs
 * it, so bi.h is included before shell.h in every builtin file. */
#ifndef NSIG
#define NSIG _NSIG
#endif

#include "builtins.h"
#include "strbuf.h"

struct shell;

/* ==== The builtins (argv[0] is the command name; status returned) ==== */

/* builtins.c */
builtin_fn bi_colon, bi_true, bi_false, bi_alias, bi_unalias, bi_hash, bi_times;
/* bi_flow.c */
builtin_fn bi_exit, bi_return, bi_break, bi_continue, bi_eval, bi_dot, bi_exec;
/* bi_cmd.c */
builtin_fn bi_command, bi_type;
/* bi_cd.c */
builtin_fn bi_cd, bi_pwd;
/* bi_trap.c */
builtin_fn bi_trap, bi_umask;
/* bi_ulimit.c */
builtin_fn bi_ulimit;
/* bi_vars.c */
builtin_fn bi_export, bi_readonly, bi_unset, bi_set, bi_shift, bi_local;
/* bi_echo.c */
builtin_fn bi_echo, bi_printf;
/* bi_test.c */
builtin_fn bi_test, bi_bracket;
/* bi_read.c */
builtin_fn bi_read, bi_getopts;
/* bi_jobs.c */
builtin_fn bi_jobs, bi_fg, bi_bg, bi_wait, bi_kill, bi_disown;
/* bi_teach.c */
builtin_fn bi_ptree, bi_fds, bi_reap;
/* PID from "PID" or "%job" (the job's first process), for builtin WHO.
 * -1 after printing "minish: WHO: ARG: ..." */
long teach_pid_arg(struct shell *sh, const char *who, const char *arg);
/* bi_maps.c */
builtin_fn bi_maps;
/* bi_help.c */
builtin_fn bi_help;
/* bi_fc.c */
builtin_fn bi_fc;

/* ==== Shared helpers (builtins.c) ==== */

/*
 * Parse leading options of ARGV (from index 1) against ALLOWED, a string of
 * option letters ("LP").  Each letter seen sets bit (1 << its index in
 * ALLOWED) in *FLAGS.  "--" ends the options; "-" alone is an operand.
 * Returns the index of the first operand, or -1 after printing
 * "minish: NAME: Illegal option -X" (the caller returns 2).
 */
int bi_options(int argc, char **argv, const char *allowed, unsigned *flags);

/*
 * Parse S as a non-negative decimal number for NAME (exit, shift, ...).
 * Returns 0 and sets *out, or -1 after printing "NAME: Illegal number: S".
 */
int bi_number(const char *name, const char *s, int *out);

/* Append S to OUT in single quotes, re-inputtable, in dash's form: a run of
 * quotes goes in double quotes, and nothing follows a final one:
 * it's -> 'it'"'"'s', a' -> 'a'"'", '' -> ''"''". */
void bi_quote(struct strbuf *out, const char *s);
/* Print S to stdout quoted as bi_quote does. */
void bi_print_quoted(const char *s);

/* True if NAME is a reserved word (if, then, ..., {, }, !). */
bool bi_is_keyword(const char *name);

/* ==== Pure parts, exposed for the unit tests ==== */

/*
 * Evaluate test's expression ARGV[0..ARGC) (without "test" and without the
 * closing "]").  Returns 0 (true), 1 (false) or 2 after printing
 * "minish: NAME: WHY".
 */
int test_eval(const char *name, int argc, char **argv);

/*
 * printf's engine: format ARGS[0..NARGS) with FMT into OUT, reusing FMT
 * until the arguments are used up.  Returns 0, 1 (a bad number: reported,
 * formatting went on) or 2 (an invalid directive: reported, stopped).
 */
int printf_format(struct strbuf *out, const char *fmt, char **args, int nargs);

/*
 * Append S to OUT with echo's / %b's backslash escapes interpreted
 * (\a \b \c \f \n \r \t \v \\ \0NNN \NNN).  Returns true if \c was met
 * (output must stop there).
 */
bool echo_escapes(struct strbuf *out, const char *s);

/*
 * Apply umask operand SPEC (octal "022" or symbolic "u=rwx,g+w,o-x") to
 * the mask OLD.  Returns 0 and sets *out, or -1 if SPEC is invalid.
 */
int umask_parse(const char *spec, mode_t old, mode_t *out);

/* One field of a line split by `read`: LINE[start .. start + len). */
struct read_field {
    size_t start, len;
};

/*
 * Split LINE as `read` does: IFS splitting into NNAMES fields, the last
 * taking the rest.  ESCAPED[i] marks bytes that were backslash-escaped
 * (never separators); it may be NULL.  FIELDS[i] say where each field is
 * in LINE; they are in order and a byte just after one is never inside
 * another (a separator lies between two, or the later one is empty), so
 * the caller may end each with a '\0' in place.
 */
void read_split(const char *line, const char *escaped, size_t len, const char *ifs,
                struct read_field *fields, int nnames);

#endif
