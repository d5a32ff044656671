/*
 * test_jobs.c -- the job table: states from real waitpid statuses, exit
 * statuses (with pipefail), %job lookup, ids, and the listing format.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

/* ==== Real statuses, made by real children ==== */

/* A child that waits for signals; returns once it is ready for them. */
static pid_t child_that_pauses(void)
{
    int ready[2];
    char c;
    assert_int_equal(pipe(ready), 0);
    pid_t pid = fork();
    if (pid == 0) {
        /* a group of its own, which is not orphaned, so that the kernel
         * does not discard SIGTSTP (as it does in orphaned groups) */
        setpgid(0, 0);
        close(ready[0]);
        if (write(ready[1], "r", 1) != 1)
            _exit(1);
        for (;;)
            pause();
    }
    assert_true(pid > 0);
    close(ready[1]);
    assert_int_equal(read(ready[0], &c, 1), 1);
    close(ready[0]);
    return pid;
}

static int status_exited(int code)
{
    int st;
    pid_t pid = fork();
    if (pid == 0)
        _exit(code);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    return st;
}

static int status_killed(int sig)
{
    int st;
    pid_t pid = child_that_pauses();
    kill(pid, sig);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFSIGNALED(st));
    return st;
}

static int status_stopped(int sig)
{
    int st;
    pid_t pid = child_that_pauses();
    kill(pid, sig);
    assert_int_equal(waitpid(pid, &st, WUNTRACED), pid);
    assert_true(WIFSTOPPED(st));
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return st;
}

static int status_continued(void)
{
    int st;
    pid_t pid = child_that_pauses();
    kill(pid, SIGSTOP);
    waitpid(pid, &st, WUNTRACED);
    kill(pid, SIGCONT);
    assert_int_equal(waitpid(pid, &st, WCONTINUED), pid);
    assert_true(WIFCONTINUED(st));
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return st;
}

/* job_print into a string (freed by the caller). */
static char *printed(struct job_table *t, struct job *j, bool long_form)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    job_print(t, j, f, long_form);
    fclose(f);
    return text;
}

/* ==== Tests ==== */

static void test_state_transitions(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    /* fake pids: job_record never signals anybody */
    struct job *j = job_new(&t, "cat | vi", false);
    job_add_process(j, 90001, "cat");
    job_add_process(j, 90002, "vi");
    assert_int_equal(j->id, 0);
    assert_int_equal(job_state(j), JOB_RUNNING);

    assert_ptr_equal(job_record(&t, 90001, status_stopped(SIGTSTP)), j);
    assert_int_equal(job_state(j), JOB_RUNNING);    /* vi still runs */
    job_record(&t, 90002, status_stopped(SIGTSTP));
    assert_int_equal(job_state(j), JOB_STOPPED);
    assert_int_equal(j->id, 1);                     /* a stopped job gets a name */
    assert_ptr_equal(t.current, j);
    assert_false(j->notified);
    assert_true(jobs_any_stopped(&t));
    assert_int_equal(job_status(j, false), 128 + SIGTSTP);

    job_record(&t, 90001, status_continued());
    job_record(&t, 90002, status_continued());
    assert_int_equal(job_state(j), JOB_RUNNING);
    assert_false(jobs_any_stopped(&t));

    job_record(&t, 90001, status_exited(0));
    assert_int_equal(job_state(j), JOB_RUNNING);
    job_record(&t, 90002, status_exited(3));
    assert_int_equal(job_state(j), JOB_DONE);
    assert_int_equal(job_status(j, false), 3);

    assert_null(job_record(&t, 12345, status_exited(0)));  /* no such job */
    jobs_free(&t);
}

static void test_status_and_pipefail(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    struct job *j = job_new(&t, "a | b | c", false);
    job_add_process(j, 91001, "a");
    job_add_process(j, 91002, "b");
    job_add_process(j, 91003, "c");
    job_record(&t, 91001, status_exited(1));
    job_record(&t, 91002, status_killed(SIGTERM));
    job_record(&t, 91003, status_exited(0));
    assert_int_equal(job_status(j, false), 0);
    assert_int_equal(job_status(j, true), 128 + SIGTERM);  /* the last non-zero */
    job_record(&t, 91003, status_killed(SIGKILL));
    assert_int_equal(job_status(j, false), 128 + SIGKILL);

    struct job *ok = job_new(&t, "true | true", false);
    job_add_process(ok, 92001, "true");
    job_add_process(ok, 92002, "true");
    job_record(&t, 92001, status_exited(0));
    job_record(&t, 92002, status_exited(0));
    assert_int_equal(job_status(ok, true), 0);
    jobs_free(&t);
}

static void test_ids_and_marks(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    struct job *a = job_new(&t, "sleep 1", true);
    struct job *b = job_new(&t, "sleep 2", true);
    struct job *c = job_new(&t, "sleep 3", true);
    assert_int_equal(a->id, 1);
    assert_int_equal(b->id, 2);
    assert_int_equal(c->id, 3);
    assert_ptr_equal(t.current, c);
    assert_ptr_equal(t.previous, b);

    job_remove(&t, b);      /* %- goes: a new previous is chosen */
    assert_ptr_equal(t.current, c);
    assert_ptr_equal(t.previous, a);
    struct job *d = job_new(&t, "sleep 4", true);
    assert_int_equal(d->id, 4);     /* bash: highest id + 1, not the hole */

    job_remove(&t, d);      /* %+ goes: %- moves up */
    assert_ptr_equal(t.current, c);
    job_remove(&t, c);
    assert_ptr_equal(t.current, a);
    assert_null(t.previous);
    struct job *e = job_new(&t, "sleep 5", true);
    assert_int_equal(e->id, 2);
    struct job *fg = job_new(&t, "ls", false);
    assert_int_equal(fg->id, 0);
    assert_ptr_equal(t.current, e);     /* foreground jobs are not %+ */
    jobs_free(&t);
    assert_int_equal(t.len, 0);
}

static void test_find(void **state)
{
    (void)state;
    struct job_table t;
    bool amb;
    jobs_init(&t);
    struct job *a = job_new(&t, "sleep 10", true);
    struct job *b = job_new(&t, "sleep 20", true);
    struct job *c = job_new(&t, "vim notes.txt", true);
    job_add_process(b, 93002, "sleep 20");
    struct job *hidden = job_new(&t, "ls", false);
    job_add_process(hidden, 93009, "ls");

    assert_ptr_equal(job_find(&t, "%1", &amb), a);
    assert_ptr_equal(job_find(&t, "%3", &amb), c);
    assert_null(job_find(&t, "%7", &amb));
    assert_ptr_equal(job_find(&t, "%%", &amb), c);
    assert_ptr_equal(job_find(&t, "%+", &amb), c);
    assert_ptr_equal(job_find(&t, "%", &amb), c);
    assert_ptr_equal(job_find(&t, "%-", &amb), b);
    assert_ptr_equal(job_find(&t, "%vim", &amb), c);
    assert_false(amb);
    assert_ptr_equal(job_find(&t, "%?20", &amb), b);
    assert_ptr_equal(job_find(&t, "%?notes", &amb), c);
    assert_null(job_find(&t, "%sleep", &amb));
    assert_true(amb);
    assert_null(job_find(&t, "%?e", &amb));
    assert_true(amb);
    assert_null(job_find(&t, "%emacs", &amb));
    assert_false(amb);
    assert_null(job_find(&t, "%ls", &amb));         /* hidden jobs have no name */
    assert_ptr_equal(job_find(&t, "93002", &amb), b);
    assert_ptr_equal(job_find(&t, "93009", &amb), hidden);
    assert_null(job_find(&t, "4x", &amb));
    assert_ptr_equal(job_find(&t, "%2", NULL), b);
    jobs_free(&t);
}

static void test_print_format(void **state)
{
    (void)state;
    struct job_table t;
    char *s;
    jobs_init(&t);
    struct job *a = job_new(&t, "sleep 5", true);
    job_add_process(a, 94001, "sleep 5");
    struct job *b = job_new(&t, "false", true);
    job_add_process(b, 94002, "false");
    struct job *c = job_new(&t, "vi", false);
    job_add_process(c, 94003, "vi");

    s = printed(&t, a, false);
    assert_string_equal(s, "[1]-  Running                 sleep 5 &\n");
    free(s);
    job_record(&t, 94002, status_exited(3));
    s = printed(&t, b, false);
    assert_string_equal(s, "[2]+  Exit 3                  false\n");
    free(s);
    job_record(&t, 94003, status_stopped(SIGTSTP));    /* becomes %1? no: %3, current */
    s = printed(&t, c, false);
    assert_string_equal(s, "[3]+  Stopped                 vi\n");
    free(s);
    s = printed(&t, b, false);
    assert_string_equal(s, "[2]-  Exit 3                  false\n");
    free(s);
    job_record(&t, 94001, status_killed(SIGTERM));
    s = printed(&t, a, false);
    assert_string_equal(s, "[1]   Terminated              sleep 5\n");
    free(s);
    s = printed(&t, a, true);
    assert_string_equal(s, "[1]  94001 Terminated              sleep 5\n");
    free(s);
    jobs_free(&t);
}

static void test_notify_drops_done(void **state)
{
    (void)state;
    struct job_table t;
    char *text = NULL;
    size_t len = 0;
    jobs_init(&t);
    struct job *a = job_new(&t, "sleep 5", true);
    job_add_process(a, 95001, "sleep 5");
    struct job *b = job_new(&t, "true", true);
    job_add_process(b, 95002, "true");
    assert_false(jobs_have_notices(&t));    /* nothing has ended yet */
    job_record(&t, 95002, status_exited(0));
    assert_true(jobs_have_notices(&t));     /* set -b prints it at once */
    FILE *f = open_memstream(&text, &len);
    jobs_notify(&t, f);
    assert_false(jobs_have_notices(&t));
    jobs_notify(&t, f);     /* reported once only */
    fclose(f);
    assert_string_equal(text, "[2]+  Done                    true\n");
    free(text);
    assert_int_equal(t.len, 1);
    assert_ptr_equal(t.current, a);
    job_record(&t, 95001, status_exited(0));
    jobs_forget_done(&t);
    assert_int_equal(t.len, 1);     /* kept for a later `wait $!` */
    jobs_notify(&t, stderr);        /* (prints a's notice) */
    assert_int_equal(t.len, 0);
    assert_null(t.current);
    jobs_free(&t);
}

/* A script keeps only the newest finished background jobs. */
static void test_forget_done_keeps_newest(void **state)
{
    (void)state;
    struct job_table t;
    int done = status_exited(0);
    jobs_init(&t);
    struct job *hidden = job_new(&t, "ls", false);
    job_add_process(hidden, 97000, "ls");
    job_record(&t, 97000, done);
    struct job *running = job_new(&t, "sleep 9", true);
    job_add_process(running, 97001, "sleep 9");
    for (int i = 0; i < 40; i++) {
        struct job *j = job_new(&t, "true", true);
        job_add_process(j, 97100 + i, "true");
        job_record(&t, 97100 + i, done);
    }
    jobs_forget_done(&t);
    assert_int_equal(t.len, 1 + 32);
    assert_null(job_by_pid(&t, 97000));         /* hidden: nobody can wait for it */
    assert_non_null(job_by_pid(&t, 97001));     /* running: always kept */
    assert_null(job_by_pid(&t, 97107));         /* the oldest finished ones go */
    assert_non_null(job_by_pid(&t, 97108));
    assert_non_null(job_by_pid(&t, 97139));
    jobs_free(&t);
}

/* job_wait and job_continue with real children (no job control). */
static void test_wait_and_continue_real(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    pid_t pid = fork();
    if (pid == 0)
        _exit(7);
    struct job *fg = job_new(&t, "exit 7", false);
    job_add_process(fg, pid, "exit 7");
    assert_int_equal(job_wait(&t, fg, false), 7);
    assert_int_equal(t.len, 0);     /* a finished foreground job is gone */

    pid = child_that_pauses();
    struct job *bg = job_new(&t, "sleep", true);
    job_add_process(bg, pid, "sleep");
    kill(pid, SIGSTOP);
    assert_int_equal(job_wait(&t, bg, false), 128 + SIGSTOP);
    assert_int_equal(job_state(bg), JOB_STOPPED);
    assert_int_equal(job_continue(&t, bg, false, false), 0);
    assert_int_equal(job_state(bg), JOB_RUNNING);
    kill(pid, SIGKILL);
    assert_int_equal(job_wait(&t, bg, false), 128 + SIGKILL);
    assert_int_equal(t.len, 1);     /* background: kept for `jobs` */
    jobs_reap(&t);
    jobs_free(&t);
}

/* A job whose children were reaped elsewhere must not hang job_wait. */
static void test_wait_echild(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    struct job *j = job_new(&t, "ghost", true);
    job_add_process(j, 96001, "ghost");
    assert_int_equal(job_wait(&t, j, false), 0);
    assert_int_equal(job_state(j), JOB_DONE);
    jobs_free(&t);
}

/* A hang-up reaches a stopped job too: SIGHUP, then SIGCONT so it sees it. */
/* Without a terminal taken from another group there is nothing to give
 * back: jobs_tty_release and jobs_tty_reclaim do nothing at all. */
static void test_tty_release_without_terminal(void **state)
{
    (void)state;
    struct job_table t;
    jobs_init(&t);
    pid_t before = getpgrp();
    jobs_tty_release(&t);           /* no terminal */
    t.tty_fd = 0;
    t.shell_pgid = before;
    t.tty_orig_pgid = before;       /* the shell led the group itself */
    jobs_tty_release(&t);
    jobs_tty_reclaim(&t);
    assert_int_equal(getpgrp(), before);
    jobs_free(&t);
}

static void test_hangup_wakes_stopped_job(void **state)
{
    (void)state;
    struct job_table t;
    int st;
    jobs_init(&t);
    pid_t pid = child_that_pauses();
    struct job *j = job_new(&t, "vi", true);
    job_add_process(j, pid, "vi");
    j->pgid = pid;
    kill(pid, SIGSTOP);
    assert_int_equal(waitpid(pid, &st, WUNTRACED), pid);
    job_record(&t, pid, st);
    assert_int_equal(job_state(j), JOB_STOPPED);
    jobs_hangup(&t);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP);
    jobs_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_transitions),
        cmocka_unit_test(test_status_and_pipefail),
        cmocka_unit_test(test_ids_and_marks),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_print_format),
        cmocka_unit_test(test_notify_drops_done),
        cmocka_unit_test(test_forget_done_keeps_newest),
        cmocka_unit_test(test_wait_and_continue_real),
        cmocka_unit_test(test_wait_echild),
        cmocka_unit_test(test_hangup_wakes_stopped_job),
        cmocka_unit_test(test_tty_release_without_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
