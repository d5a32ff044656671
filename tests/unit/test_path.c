/*
 * test_path.c -- the PATH walk: first executable wins, EACCES vs ENOENT,
 * empty components mean the current directory.
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

#include "path.h"

static char root[] = "/tmp/minish-test-path-XXXXXX";
static char d1[256], d2[256], oldcwd[4096];

static void make_file(const char *d, const char *name, mode_t mode)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", d, name);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
    assert_true(fd >= 0);
    close(fd);
    chmod(p, mode);
}

static int setup(void **state)
{
    (void)state;
    if (mkdtemp(root) == NULL || getcwd(oldcwd, sizeof oldcwd) == NULL)
        return -1;
    snprintf(d1, sizeof d1, "%s/a", root);
    snprintf(d2, sizeof d2, "%s/b", root);
    if (mkdir(d1, 0755) < 0 || mkdir(d2, 0755) < 0)
        return -1;
    make_file(d1, "noexec", 0644);
    make_file(d1, "both", 0755);
    make_file(d2, "both", 0755);
    make_file(d2, "prog", 0755);
    make_file(d2, "noexec", 0755);
    make_file(d1, "only644", 0644);
    char sub[512];
    snprintf(sub, sizeof sub, "%s/dirname", d1);   /* a directory is not a command */
    return mkdir(sub, 0755);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    if (chdir(oldcwd) < 0)
        return -1;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd);
}

static void expect(const char *name, const char *pathvar, const char *want_dir)
{
    char want[600];
    snprintf(want, sizeof want, "%s/%s", want_dir, name);
    char *got = path_search(name, pathvar);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_first_executable_wins(void **state)
{
    (void)state;
    char pv[600];
    snprintf(pv, sizeof pv, "%s:%s", d1, d2);
    expect("both", pv, d1);
    expect("prog", pv, d2);
    expect("noexec", pv, d2);       /* a non-executable match is skipped */
    snprintf(pv, sizeof pv, "%s:%s", d2, d1);
    expect("both", pv, d2);
}

static void test_eacces_vs_enoent(void **state)
{
    (void)state;
    char pv[600];
    snprintf(pv, sizeof pv, "/nonexistent:%s", d1);
    /* even root cannot execute a file without any x bit */
    errno = 0;
    assert_null(path_search("only644", pv));
    assert_int_equal(errno, EACCES);
    errno = 0;
    assert_null(path_search("missing", pv));
    assert_int_equal(errno, ENOENT);
    errno = 0;
    assert_null(path_search("dirname", pv));
    assert_int_equal(errno, ENOENT);
}

static void test_empty_component_is_cwd(void **state)
{
    (void)state;
    assert_int_equal(chdir(d2), 0);
    expect("prog", "/nonexistent:", ".");
    expect("prog", ":/nonexistent", ".");
    expect("prog", "/nonexistent::/bin", ".");
    expect("prog", "", ".");
    errno = 0;
    assert_null(path_search("prog", "/nonexistent"));
    assert_int_equal(errno, ENOENT);
    assert_int_equal(chdir(oldcwd), 0);
    path_forget();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_executable_wins),
        cmocka_unit_test(test_eacces_vs_enoent),
        cmocka_unit_test(test_empty_component_is_cwd),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
