/*
 * test_sys.c -- the teaching trace: each wrapped call prints one line of
 * the documented shape into the trace descriptor.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys.h"

static int trace_pipe[2];

static int setup(void **state)
{
    (void)state;
    if (pipe(trace_pipe) < 0)
        return -1;
    fcntl(trace_pipe[0], F_SETFL, O_NONBLOCK);
    sys_trace_set(trace_pipe[1]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sys_trace_set(-1);
    close(trace_pipe[0]);
    close(trace_pipe[1]);
    return 0;
}

/* Everything traced so far, NUL-terminated in BUF. */
static const char *drain(char *buf, size_t size)
{
    ssize_t n = read(trace_pipe[0], buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

static void test_pipe_dup2_close_lines(void **state)
{
    (void)state;
    char buf[2048], want[512];
    int fds[2];
    drain(buf, sizeof buf);
    assert_int_equal(sys_pipe(fds, "ls | wc"), 0);
    assert_true(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
    assert_true(fcntl(fds[1], F_GETFD) & FD_CLOEXEC);
    int copy = sys_dup_above(fds[1], 20, NULL);
    assert_true(copy >= 20);
    assert_int_equal(sys_dup2(fds[1], fds[0], "stdout of 'ls' -> pipe"), fds[0]);
    assert_int_equal(sys_close(fds[0], NULL), 0);
    assert_int_equal(sys_close(fds[1], NULL), 0);
    assert_int_equal(sys_close(copy, NULL), 0);
    long pid = (long)getpid();
    snprintf(want, sizeof want,
             "minish[%ld]: pipe2([%d, %d], O_CLOEXEC) = 0   # ls | wc\n"
             "minish[%ld]: fcntl(%d, F_DUPFD_CLOEXEC, 20) = %d\n"
             "minish[%ld]: dup2(%d, %d) = %d   # stdout of 'ls' -> pipe\n"
             "minish[%ld]: close(%d) = 0\n"
             "minish[%ld]: close(%d) = 0\n"
             "minish[%ld]: close(%d) = 0\n",
             pid, fds[0], fds[1], pid, fds[1], copy, pid, fds[1], fds[0], fds[0],
             pid, fds[0], pid, fds[1], pid, copy);
    assert_string_equal(drain(buf, sizeof buf), want);
}

static void test_error_line_keeps_errno(void **state)
{
    (void)state;
    char buf[1024], want[256];
    drain(buf, sizeof buf);
    errno = 0;
    assert_int_equal(sys_close(987, "nothing there"), -1);
    assert_int_equal(errno, EBADF);
    snprintf(want, sizeof want,
             "minish[%ld]: close(987) = -1 EBADF (Bad file descriptor)   # nothing there\n",
             (long)getpid());
    assert_string_equal(drain(buf, sizeof buf), want);
}

static void test_open_line(void **state)
{
    (void)state;
    char buf[1024], want[256];
    drain(buf, sizeof buf);
    int fd = sys_open("/dev/null", O_WRONLY | O_TRUNC, 0666, "stdout of 'x' -> /dev/null");
    assert_true(fd >= 0);
    assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    snprintf(want, sizeof want,
             "minish[%ld]: open(\"/dev/null\", O_WRONLY|O_TRUNC|O_CLOEXEC) = %d   # stdout of 'x' -> /dev/null\n",
             (long)getpid(), fd);
    assert_string_equal(drain(buf, sizeof buf), want);
    close(fd);
}

/* A child that is killed by SIGTERM: waitpid decodes the status. */
static void test_waitpid_decodes_status(void **state)
{
    (void)state;
    char buf[2048], want[256];
    sys_trace_set(-1);          /* the child must not write into our pipe */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        pause();
        _exit(0);
    }
    sys_trace_set(trace_pipe[1]);
    drain(buf, sizeof buf);
    assert_int_equal(kill(pid, SIGTERM), 0);
    int st;
    assert_int_equal(sys_waitpid(pid, &st, 0, "wait for 'sleep'"), pid);
    assert_true(WIFSIGNALED(st));
    snprintf(want, sizeof want, "minish[%ld]: wait4(%ld, 0) = %ld killed by SIGTERM [wstatus 0x000f]   # wait for 'sleep'\n",
             (long)getpid(), (long)pid, (long)pid);
    assert_string_equal(drain(buf, sizeof buf), want);
}

static void test_fork_lines_and_exit_status(void **state)
{
    (void)state;
    char buf[2048], want[512];
    drain(buf, sizeof buf);
    pid_t pid = sys_fork("run 'true'");
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(3);
    int st;
    assert_int_equal(sys_waitpid(pid, &st, 0, NULL), pid);
    /* the child's line and the parent's may come in either order */
    drain(buf, sizeof buf);
    snprintf(want, sizeof want, "minish[%ld]: fork() = %ld   # run 'true'\n", (long)getpid(), (long)pid);
    assert_non_null(strstr(buf, want));
    snprintf(want, sizeof want, "minish[%ld]: fork() = 0 (child)   # run 'true'\n", (long)pid);
    assert_non_null(strstr(buf, want));
    snprintf(want, sizeof want, "minish[%ld]: wait4(%ld, 0) = %ld exited 3 [wstatus 0x0300]\n", (long)getpid(),
             (long)pid, (long)pid);
    assert_non_null(strstr(buf, want));
}

static void test_execve_failure_lines(void **state)
{
    (void)state;
    char buf[2048], want[512];
    char *argv[] = {"nope", "-l", NULL};
    char *envp[] = {NULL};
    drain(buf, sizeof buf);
    assert_int_equal(sys_execve("/no/such/nope", argv, envp), -1);
    assert_int_equal(errno, ENOENT);
    long pid = (long)getpid();
    snprintf(want, sizeof want,
             "minish[%ld]: execve(\"/no/such/nope\", [\"nope\", \"-l\"]) ..."
             "   # a new program replaces this process: same pid, same fds\n"
             "minish[%ld]: execve(\"/no/such/nope\") = -1 ENOENT (No such file or directory)\n",
             pid, pid);
    assert_string_equal(drain(buf, sizeof buf), want);
}

static void test_note_and_off(void **state)
{
    (void)state;
    char buf[1024], want[256];
    drain(buf, sizeof buf);
    sys_trace_note("hello %d", 42);
    snprintf(want, sizeof want, "minish[%ld]: hello 42\n", (long)getpid());
    assert_string_equal(drain(buf, sizeof buf), want);
    assert_int_equal(sys_trace_fd(), trace_pipe[1]);
    sys_trace_set(-1);
    sys_close(986, NULL);
    assert_string_equal(drain(buf, sizeof buf), "");
    sys_trace_set(trace_pipe[1]);
}

static void test_read_write_all(void **state)
{
    (void)state;
    int p[2];
    char big[3000], back[3000];
    memset(big, 'x', sizeof big);
    assert_int_equal(pipe(p), 0);
    assert_int_equal(sys_write_all(p[1], big, sizeof big), 0);
    size_t got = 0;
    while (got < sizeof back) {
        ssize_t n = sys_read(p[0], back + got, sizeof back - got);
        assert_true(n > 0);
        got += (size_t)n;
    }
    assert_memory_equal(big, back, sizeof big);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_dup2_close_lines),
        cmocka_unit_test(test_error_line_keeps_errno),
        cmocka_unit_test(test_open_line),
        cmocka_unit_test(test_waitpid_decodes_status),
        cmocka_unit_test(test_fork_lines_and_exit_status),
        cmocka_unit_test(test_execve_failure_lines),
        cmocka_unit_test(test_note_and_off),
        cmocka_unit_test(test_read_write_all),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
