/*
 * bi_trap.c -- trap (what the shell does when a signal arrives or it
 * exits) and umask (the file-creation mask, octal or symbolic).
 *
 * Owns: the trap actions in sh->traps / sh->exit_trap (heap copies) and
 *       the symbolic-mode grammar of umask.
 * Never: installs a handler itself; signals.c does (signals_trap & co.).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bi.h"
#include "diag.h"
#include "shell.h"
#include "signals.h"

/* ==== trap ==== */

/* The action of condition SIG (0 is EXIT): NULL for the default. */
static const char *trap_action(const struct shell *sh, int sig)
{
    return sig == 0 ? sh->exit_trap : sh->traps[sig];
}

/* "trap -- 'ACTION' NAME", or "trap -- - NAME" for the default. */
static void trap_print_one(const struct shell *sh, int sig)
{
    const char *action = trap_action(sh, sig);
    fputs("trap -- ", stdout);
    if (action != NULL)
        bi_print_quoted(action);
    else
        fputc('-', stdout);
    printf(" %s\n", sig == 0 ? "EXIT" : signal_name(sig));
}

/* `trap`: every set trap; `trap -p` (ALL): every condition.  EXIT first. */
static void trap_list(const struct shell *sh, bool all)
{
    for (int sig = 0; sig < NSIG; sig++) {
        bool set = trap_action(sh, sig) != NULL;
        if (sig > 0 && (signal_name(sig) == NULL || (!set && (sig == SIGKILL || sig == SIGSTOP))))
            continue;   /* nameless, or KILL and STOP, which cannot be caught anyway */
        if (all || set)
            trap_print_one(sh, sig);
    }
}

/* Set (ACTION non-NULL) or reset (NULL) the trap of SIG (0 is EXIT).  A
 * signal ignored on entry to a non-interactive shell cannot be trapped or
 * reset (XCU 2.11): signals.c leaves its disposition alone, silently. */
static void trap_set(struct shell *sh, int sig, const char *action)
{
    char **slot = sig == 0 ? &sh->exit_trap : &sh->traps[sig];
    free(*slot);
    *slot = action != NULL ? xstrdup(action) : NULL;
    if (sig == 0)
        return;
    if (action == NULL)
        signals_default(sig);
    else if (action[0] == '\0')
        signals_ignore(sig);
    else
        signals_trap(sig);
}

/* True if S is an unsigned decimal number (then `trap N...` resets). */
static bool trap_is_number(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s != '\0'; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The condition named ARG (0 for EXIT), or -1 after "bad trap".  KILL and
 * STOP are accepted (as dash does, and POSIX asks of `trap -p` output read
 * back in), recorded and listed, but can never be caught or ignored. */
static int trap_condition(const char *arg)
{
    int sig = signal_number(arg);
    if (sig < 0 || sig >= NSIG) {
        diag_error("trap", "%s: bad trap", arg);
        return -1;
    }
    return sig;
}

/* trap -p [condition...]: the given conditions, or all of them. */
static int trap_print(const struct shell *sh, int argc, char **argv, int i)
{
    int status = 0;
    if (i >= argc)
        trap_list(sh, true);
    for (; i < argc; i++) {
        int sig = trap_condition(argv[i]);
        if (sig < 0)
            status = 1;
        else
            trap_print_one(sh, sig);
    }
    return status;
}

/*
 * trap [action condition...] | trap -p [condition...] -- ACTION "" ignores,
 * "-" resets to the default, anything else is run by eval.  POSIX: if the
 * first operand is an unsigned number, or is the only one (`trap INT`),
 * every operand is a condition to reset.
 */
int bi_trap(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    int i = bi_options(argc, argv, "p", &flags);
    if (i < 0) {
        shell_error_exit(sh, 2);    /* a special builtin: a script ends here */
        return 2;
    }
    if (flags & 1u)
        return trap_print(sh, argc, argv, i);
    if (i >= argc) {
        trap_list(sh, false);
        return 0;
    }
    const char *action = argv[i];
    if (trap_is_number(action) || i == argc - 1)
        action = NULL;          /* every operand is a condition */
    else if (strcmp(action, "-") == 0)
        action = NULL, i++;
    else
        i++;
    for (; i < argc; i++) {
        int sig = trap_condition(argv[i]);
        if (sig < 0)
            return 1;   /* as dash: the conditions after it are left alone */
        trap_set(sh, sig, action);
    }
    return 0;
}

/* ==== umask ==== */

/* Which permission bits the letters in WHO ("ugoa") cover. */
static mode_t umask_who(const char *who, size_t n)
{
    mode_t m = 0;
    if (n == 0)
        return 0777;
    for (size_t i = 0; i < n; i++) {
        if (who[i] == 'u') m |= 0700;
        if (who[i] == 'g') m |= 0070;
        if (who[i] == 'o') m |= 0007;
        if (who[i] == 'a') m |= 0777;
    }
    return m;
}

/* The bits of the perm list at *P (advanced): "rwx..." or one of "ugo",
 * which copies that class's bits in PERMS into every class. */
static mode_t umask_perm(const char **p, mode_t perms)
{
    mode_t m = 0;
    if (**p == 'u' || **p == 'g' || **p == 'o') {
        int shift = **p == 'u' ? 6 : **p == 'g' ? 3 : 0;
        (*p)++;
        return ((perms >> shift) & 7) * 0111;
    }
    for (; **p == 'r' || **p == 'w' || **p == 'x' || **p == 'X' || **p == 's' || **p == 't'; (*p)++) {
        if (**p == 'r') m |= 0444;
        if (**p == 'w') m |= 0222;
        if (**p == 'x' || **p == 'X') m |= 0111;
    }
    return m;   /* s and t mean nothing for a umask */
}

/* One clause: who* (op perm*)+ applied to PERMS (the allowed bits). */
static int umask_clause(const char **p, mode_t *perms)
{
    const char *who = *p;
    size_t nwho = strspn(who, "ugoa");
    mode_t mask = umask_who(who, nwho);
    *p += nwho;
    if (**p != '+' && **p != '-' && **p != '=')
        return -1;
    while (**p == '+' || **p == '-' || **p == '=') {
        char op = *(*p)++;
        mode_t bits = umask_perm(p, *perms) & mask;
        if (op == '+')
            *perms |= bits;
        else if (op == '-')
            *perms &= ~bits;
        else
            *perms = (*perms & ~mask) | bits;
    }
    return 0;
}

int umask_parse(const char *spec, mode_t old, mode_t *out)
{
    if (spec[0] >= '0' && spec[0] <= '7') {
        char *end;
        unsigned long v = strtoul(spec, &end, 8);
        if (*end != '\0' || v > 07777)
            return -1;
        *out = (mode_t)v & 0777;
        return 0;
    }
    mode_t perms = ~old & 0777;   /* symbolic modes speak of what is allowed */
    const char *p = spec;
    for (;;) {
        if (umask_clause(&p, &perms) < 0)
            return -1;
        if (*p == '\0')
            break;
        if (*p++ != ',')
            return -1;
    }
    *out = ~perms & 0777;
    return 0;
}

/* u=rwx,g=rx,o=rx for mask MASK. */
static void umask_print_symbolic(mode_t mask)
{
    static const char cls[] = "ugo";
    for (int c = 0; c < 3; c++) {
        mode_t allowed = (~mask >> (6 - 3 * c)) & 7;
        printf("%c=%s%s%s%s", cls[c], allowed & 4 ? "r" : "", allowed & 2 ? "w" : "",
               allowed & 1 ? "x" : "", c < 2 ? "," : "\n");
    }
}

/* umask [-S] [mode] -- print or set the file-creation mask. */
int bi_umask(struct shell *sh, int argc, char **argv)
{
    unsigned flags;
    int i = bi_options(argc, argv, "S", &flags);
    mode_t old, mask;
    (void)sh;
    if (i < 0)
        return 2;
    old = umask(0);     /* the only way to read the mask is to set it */
    umask(old);
    if (i >= argc) {
        if (flags & 1u)
            umask_print_symbolic(old);
        else
            printf("%04o\n", (unsigned)old);
        return 0;
    }
    if (umask_parse(argv[i], old, &mask) < 0) {
        diag_error("umask", "%s: Illegal mode", argv[i]);
        return 2;
    }
    umask(mask);
    return 0;
}
