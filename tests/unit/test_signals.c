/*
 * test_signals.c -- names and numbers, trap flags, and running trap
 * actions through sh->ops.eval with $? preserved.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "signals.h"

/* glibc shows NSIG only outside strict POSIX mode; shell.h needs it */
#ifndef NSIG
#define NSIG _NSIG
#endif
#include "shell.h"

static void test_name_number_round_trip(void **state)
{
    (void)state;
    int named = 0;
    for (int sig = 1; sig < NSIG; sig++) {
        const char *name = signal_name(sig);
        if (name == NULL)
            continue;
        named++;
        char with_sig[32] = "SIG";
        strcat(with_sig, name);
        assert_int_equal(signal_number(name), sig);
        assert_int_equal(signal_number(with_sig), sig);
        assert_string_not_equal(signal_describe(sig), "Unknown signal");
    }
    assert_true(named >= 28);
    assert_string_equal(signal_name(SIGINT), "INT");
    assert_string_equal(signal_name(SIGTSTP), "TSTP");
    assert_null(signal_name(0));
}

static void test_number_forms(void **state)
{
    (void)state;
    assert_int_equal(signal_number("INT"), SIGINT);
    assert_int_equal(signal_number("SIGINT"), SIGINT);
    assert_int_equal(signal_number("int"), SIGINT);
    assert_int_equal(signal_number("2"), 2);
    assert_int_equal(signal_number("15"), SIGTERM);
    assert_int_equal(signal_number("EXIT"), 0);
    assert_int_equal(signal_number("0"), 0);
    assert_int_equal(signal_number("BOGUS"), -1);
    assert_int_equal(signal_number("SIG"), -1);
    assert_int_equal(signal_number(""), -1);
    assert_int_equal(signal_number("2x"), -1);
    assert_int_equal(signal_number("99999"), -1);
}

static void test_describe(void **state)
{
    (void)state;
    assert_string_equal(signal_describe(SIGKILL), "Killed");
    assert_string_equal(signal_describe(SIGTERM), "Terminated");
    assert_string_equal(signal_describe(SIGSEGV), "Segmentation fault");
    assert_string_equal(signal_describe(SIGHUP), "Hangup");
    assert_string_equal(signal_describe(SIGTSTP), "Stopped");
}

static void test_trap_flag(void **state)
{
    (void)state;
    signals_init(false, false);
    signals_trap(SIGUSR1);
    assert_false(signals_take(SIGUSR1));
    raise(SIGUSR1);
    assert_true(signals_take(SIGUSR1));
    assert_false(signals_take(SIGUSR1));    /* taken once */
    signals_ignore(SIGUSR1);
    raise(SIGUSR1);
    assert_false(signals_take(SIGUSR1));
    signals_default(SIGUSR1);
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    assert_ptr_equal(sa.sa_handler, SIG_DFL);
}

static void test_chld_flag(void **state)
{
    (void)state;
    signals_init(false, false);
    signals_got_chld = 0;
    raise(SIGCHLD);
    assert_int_equal(signals_got_chld, 1);
}

/* A stand-in for the executor's eval: records the action, changes $?. */
static char last_action[64];
static int eval_calls;

static int record_eval(struct shell *sh, const char *text, const char *name)
{
    assert_string_equal(name, "trap");
    assert_int_equal(sh->last_status, 42);      /* the trap sees $? of before */
    strncpy(last_action, text, sizeof last_action - 1);
    eval_calls++;
    sh->last_status = 7;
    return 7;
}

static void test_run_traps_keeps_status(void **state)
{
    (void)state;
    static struct shell sh;
    memset(&sh, 0, sizeof sh);
    char action[] = "echo caught";
    sh.traps[SIGUSR2] = action;
    sh.ops.eval = record_eval;
    sh.last_status = 42;
    signals_init(false, false);
    signals_trap(SIGUSR2);
    signals_run_traps(&sh);
    assert_int_equal(eval_calls, 0);            /* nothing arrived yet */
    raise(SIGUSR2);
    signals_run_traps(&sh);
    assert_int_equal(eval_calls, 1);
    assert_string_equal(last_action, "echo caught");
    assert_int_equal(sh.last_status, 42);       /* $? given back */
    signals_run_traps(&sh);
    assert_int_equal(eval_calls, 1);            /* run once per arrival */
    signals_default(SIGUSR2);
}

/* A stand-in eval for the nesting test: the USR2 action sends USR1 to
 * the shell and reaches a safe point; both actions are logged in order. */
static char order_log[64];

static int nesting_eval(struct shell *sh, const char *text, const char *name)
{
    (void)name;
    strncat(order_log, text, sizeof order_log - strlen(order_log) - 1);
    if (strcmp(text, "USR2 ") == 0) {
        raise(SIGUSR1);
        signals_run_traps(sh);      /* the action's next command boundary */
        strncat(order_log, "after ", sizeof order_log - strlen(order_log) - 1);
    }
    return 0;
}

/* A signal that arrives during a trap action runs its own action at the
 * action's next safe point, not after the action (dash's order). */
static void test_traps_nest(void **state)
{
    (void)state;
    static struct shell sh;
    memset(&sh, 0, sizeof sh);
    char usr1[] = "USR1 ", usr2[] = "USR2 ";
    sh.traps[SIGUSR1] = usr1;
    sh.traps[SIGUSR2] = usr2;
    sh.ops.eval = nesting_eval;
    order_log[0] = '\0';
    signals_init(false, false);
    signals_trap(SIGUSR1);
    signals_trap(SIGUSR2);
    raise(SIGUSR2);
    signals_run_traps(&sh);
    assert_string_equal(order_log, "USR2 USR1 after ");
    signals_default(SIGUSR1);
    signals_default(SIGUSR2);
}

/* In a forked child (signals_child changes the module's state for good):
 * set up dispositions, become a background subshell, and report what the
 * child ended with as a bit mask of failed checks (0: all as expected). */
static int child_resets_in_child(void)
{
    static struct shell sh;
    memset(&sh, 0, sizeof sh);
    char empty[] = "";
    sh.traps[SIGUSR2] = empty;      /* trap '' USR2: stays ignored in children */
    signals_init(true, true);       /* interactive: TERM ignored, INT caught */
    signals_trap(SIGUSR1);
    signals_ignore(SIGUSR2);
    signals_child(&sh, true);
    int bad = 0;
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    bad |= sa.sa_handler != SIG_DFL;            /* a trap: reset */
    sigaction(SIGUSR2, NULL, &sa);
    bad |= (sa.sa_handler != SIG_IGN) << 1;     /* trap '': inherited */
    sigaction(SIGINT, NULL, &sa);               /* `cmd &` without job control */
    bad |= (sa.sa_handler != SIG_IGN) << 2;
    sigaction(SIGTERM, NULL, &sa);              /* ignored by the shell for itself: default */
    bad |= (sa.sa_handler != SIG_DFL) << 3;
    sigaction(SIGTSTP, NULL, &sa);
    bad |= (sa.sa_handler != SIG_DFL) << 4;
    sigaction(SIGCHLD, NULL, &sa);              /* a subshell still waits for children */
    bad |= (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN) << 5;
    signals_default(SIGINT);                    /* ignored for good in `cmd &` */
    sigaction(SIGINT, NULL, &sa);
    bad |= (sa.sa_handler != SIG_IGN) << 6;
    sigset_t mask;
    sigprocmask(SIG_SETMASK, NULL, &mask);
    bad |= sigismember(&mask, SIGTERM) << 7;    /* the mask is given back */
    return bad;
}

static void test_child_resets(void **state)
{
    (void)state;
    sigset_t old;
    signals_block_chld(&old);       /* as the executor does around fork */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(child_resets_in_child());
    signals_restore_mask(&old);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
}

/* Block, then a child exits: its SIGCHLD waits until the mask is restored
 * (the executor records the child in between), and is delivered then. */
static void test_block_chld_holds_the_signal(void **state)
{
    (void)state;
    signals_init(false, false);
    signals_got_chld = 0;
    sigset_t old, now;
    signals_block_chld(&old);
    assert_int_equal(sigprocmask(SIG_SETMASK, NULL, &now), 0);
    assert_true(sigismember(&now, SIGCHLD));
    assert_true(sigismember(&now, SIGTERM));    /* every signal: none lost in a child */
    assert_false(sigismember(&old, SIGCHLD));
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(0);
    siginfo_t info;     /* wait until it has exited, without reaping it */
    assert_int_equal(waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT), 0);
    assert_int_equal(signals_got_chld, 0);      /* held back */
    signals_restore_mask(&old);
    assert_int_equal(signals_got_chld, 1);      /* delivered on unblocking */
    assert_int_equal(sigprocmask(SIG_SETMASK, NULL, &now), 0);
    assert_false(sigismember(&now, SIGCHLD));
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
}

/* In a child (SIGINT ignored if IGNORE, else default): defer, maybe SEND
 * SIGINT, resume.  Its exit status, or -N if signal N killed it. */
static int int_defer_child(bool send, bool ignore)
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, ignore ? SIG_IGN : SIG_DFL);
        bool deferred = signals_int_defer();
        if (send)
            raise(SIGINT);
        signals_int_resume(deferred);   /* dies here if SIGINT came */
        _exit(deferred ? 10 : 11);
    }
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFSIGNALED(st) ? -WTERMSIG(st) : WEXITSTATUS(st);
}

/* A script waiting for its child outlives a SIGINT, then dies of it. */
static void test_int_defer(void **state)
{
    (void)state;
    assert_int_equal(int_defer_child(true, false), -SIGINT);
    assert_int_equal(int_defer_child(false, false), 10);    /* none came: goes on */
    assert_int_equal(int_defer_child(true, true), 11);      /* ignored: untouched */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_number_round_trip),
        cmocka_unit_test(test_number_forms),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_trap_flag),
        cmocka_unit_test(test_chld_flag),
        cmocka_unit_test(test_run_traps_keeps_status),
        cmocka_unit_test(test_traps_nest),
        cmocka_unit_test(test_child_resets),
        cmocka_unit_test(test_block_chld_holds_the_signal),
        cmocka_unit_test(test_int_defer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
