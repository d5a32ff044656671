/*
 * test_redir.c -- applying and undoing descriptor plans on the test's own
 * descriptors, around temporary files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redir.h"

static char dir[] = "/tmp/minish-test-redir-XXXXXX";
static char file[256], file2[256];

static int setup(void **state)
{
    (void)state;
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(file, sizeof file, "%s/out", dir);
    snprintf(file2, sizeof file2, "%s/out2", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(file);
    unlink(file2);
    return rmdir(dir);
}

static bool is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

/* Same open file description?  Compare device and inode. */
static bool same_file(int fd, const struct stat *before)
{
    struct stat st;
    return fstat(fd, &st) == 0 && st.st_dev == before->st_dev && st.st_ino == before->st_ino;
}

static char *slurp(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The lowest descriptor not in use. */
static int lowest_free(void)
{
    int fd = dup(0);
    close(fd);
    return fd;
}

static void test_stdout_to_file_and_back(void **state)
{
    (void)state;
    struct stat before;
    struct redir_saved save = {0};
    struct fd_op op = {.kind = FD_OPEN, .fd = 1, .oflag = O_WRONLY | O_CREAT | O_TRUNC,
                       .path = file};
    fflush(stdout);
    assert_int_equal(fstat(1, &before), 0);
    int r = redir_apply(&op, 1, &save, "echo");
    ssize_t w = write(1, "hello\n", 6);
    bool cloexec = fcntl(1, F_GETFD) & FD_CLOEXEC;
    redir_restore(&save);
    assert_int_equal(r, 0);
    assert_int_equal(w, 6);
    assert_false(cloexec);          /* the command must keep its stdout across exec */
    assert_true(same_file(1, &before));
    assert_string_equal(slurp(file), "hello\n");
    assert_null(save.undo);
    assert_int_equal(save.len, 0);
}

static void test_noclobber(void **state)
{
    (void)state;
    struct redir_saved save = {0};
    int fd = lowest_free() + 3;
    struct fd_op op = {.kind = FD_OPEN, .fd = fd, .oflag = O_WRONLY | O_CREAT | O_TRUNC,
                       .noclobber = true, .path = file};
    int out = open(file, O_WRONLY | O_CREAT, 0644);
    close(out);
    assert_int_equal(redir_apply(&op, 1, &save, "echo"), -1);   /* exists: refused */
    assert_false(is_open(fd));
    assert_int_equal(save.len, 0);                               /* already restored */

    unlink(file2);
    op.path = file2;                                             /* new file: fine */
    assert_int_equal(redir_apply(&op, 1, &save, "echo"), 0);
    assert_true(is_open(fd));
    redir_restore(&save);
    assert_false(is_open(fd));

    op.path = "/dev/null";                                       /* not regular: fine */
    assert_int_equal(redir_apply(&op, 1, &save, "echo"), 0);
    redir_restore(&save);
}

static void test_close_and_restore(void **state)
{
    (void)state;
    struct stat before;
    struct redir_saved save = {0};
    int fd = open(file, O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(fstat(fd, &before), 0);
    struct fd_op op = {.kind = FD_CLOSE, .fd = fd};
    assert_int_equal(redir_apply(&op, 1, &save, "cmd"), 0);
    assert_false(is_open(fd));
    redir_restore(&save);
    assert_true(same_file(fd, &before));
    close(fd);

    /* closing a closed fd is not an error */
    assert_int_equal(redir_apply(&op, 1, NULL, "cmd"), 0);
}

/* Read everything from FD into a heap buffer. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 1024, n = 0;
    char *buf = malloc(cap);
    ssize_t r;
    while ((r = read(fd, buf + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    *len = n;
    return buf;
}

static void check_heredoc(size_t size)
{
    struct redir_saved save = {0};
    char *body = malloc(size);
    for (size_t i = 0; i < size; i++)
        body[i] = (char)('a' + i % 26);
    int fd = lowest_free() + 2;
    struct fd_op op = {.kind = FD_DATA, .fd = fd, .data = body, .len = size};
    assert_int_equal(redir_apply(&op, 1, &save, "cat"), 0);
    assert_false(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    size_t len;
    char *back = read_all(fd, &len);
    redir_restore(&save);
    assert_int_equal(len, size);
    assert_memory_equal(back, body, size);
    assert_false(is_open(fd));
    free(back);
    free(body);
}

static void test_heredoc_small(void **state)
{
    (void)state;
    check_heredoc(12);
    check_heredoc(4096);
}

static void test_heredoc_large(void **state)
{
    (void)state;
    check_heredoc(200000);      /* more than a pipe holds: a temporary file */
}

static void test_dup_and_bad_fd(void **state)
{
    (void)state;
    struct redir_saved save = {0};
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int target = fd + 1;
    struct fd_op ops[] = {
        {.kind = FD_DUP, .fd = target, .src = fd},
        {.kind = FD_DUP, .fd = fd, .src = fd},      /* n>&n: just checks it is open */
    };
    assert_int_equal(redir_apply(ops, 2, &save, "x"), 0);
    assert_int_equal(write(target, "dup", 3), 3);
    redir_restore(&save);
    assert_false(is_open(target));
    assert_string_equal(slurp(file), "dup");
    close(fd);

    struct fd_op bad = {.kind = FD_DUP, .fd = 1, .src = 77};
    assert_int_equal(redir_apply(&bad, 1, &save, "x"), -1);
    assert_int_equal(save.len, 0);
}

/* An op aimed at the number where stdout's saved copy lives must not
 * destroy that copy. */
static void test_saved_copy_not_clobbered(void **state)
{
    (void)state;
    struct stat before;
    struct redir_saved save = {0};
    int k = fcntl(1, F_DUPFD_CLOEXEC, 10);  /* where the copy of 1 will go */
    close(k);
    struct fd_op ops[] = {
        {.kind = FD_OPEN, .fd = 1, .oflag = O_WRONLY | O_CREAT | O_TRUNC, .path = file},
        {.kind = FD_OPEN, .fd = k, .oflag = O_WRONLY | O_CREAT | O_TRUNC, .path = file2},
    };
    fflush(stdout);
    assert_int_equal(fstat(1, &before), 0);
    int r = redir_apply(ops, 2, &save, "echo");
    ssize_t w = write(k, "k", 1);
    redir_restore(&save);
    assert_int_equal(r, 0);
    assert_int_equal(w, 1);
    assert_true(same_file(1, &before));
    assert_false(is_open(k));
    assert_string_equal(slurp(file2), "k");
}

static void test_open_failure(void **state)
{
    (void)state;
    struct redir_saved save = {0};
    struct fd_op op = {.kind = FD_OPEN, .fd = 1, .oflag = O_RDONLY, .path = "/no/such/file"};
    assert_int_equal(redir_apply(&op, 1, &save, "cat"), -1);
    assert_int_equal(save.len, 0);
    assert_true(is_open(1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stdout_to_file_and_back),
        cmocka_unit_test(test_noclobber),
        cmocka_unit_test(test_close_and_restore),
        cmocka_unit_test(test_heredoc_small),
        cmocka_unit_test(test_heredoc_large),
        cmocka_unit_test(test_dup_and_bad_fd),
        cmocka_unit_test(test_saved_copy_not_clobbered),
        cmocka_unit_test(test_open_failure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
