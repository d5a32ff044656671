/*
 * test_prompt.c -- the backslash escapes of PS1/PS2, rendered against a
 * hand-built struct shell (a real variable table, an empty job table).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"
#include "prompt.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

static int setup(void **state)
{
    struct shell *sh = calloc(1, sizeof *sh);
    sh->vars = vars_new();
    jobs_init(&sh->jobs);
    vars_set(sh->vars, "HOME", "/home/u", 0);
    vars_set(sh->vars, "PWD", "/home/u/src/x", 0);
    *state = sh;
    return 0;
}

static int teardown(void **state)
{
    struct shell *sh = *state;
    jobs_free(&sh->jobs);
    vars_free(sh->vars);
    free(sh);
    return 0;
}

/* Render TEXT and compare with WANT. */
static void check(struct shell *sh, const char *text, bool quote, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    prompt_escapes(sh, text, &sb, quote);
    assert_string_equal(sb_str(&sb), want);
    sb_free(&sb);
}

static void test_dir_under_home(void **state)
{
    struct shell *sh = *state;
    check(sh, "\\w", false, "~/src/x");
    check(sh, "\\W", false, "x");
    check(sh, "[\\w]\\$ ", false, geteuid() == 0 ? "[~/src/x]# " : "[~/src/x]$ ");
}

static void test_dir_is_home(void **state)
{
    struct shell *sh = *state;
    vars_set(sh->vars, "PWD", "/home/u", 0);
    check(sh, "\\w", false, "~");
    check(sh, "\\W", false, "~");
}

static void test_dir_outside_home(void **state)
{
    struct shell *sh = *state;
    vars_set(sh->vars, "PWD", "/home/user2", 0);   /* shares a prefix with HOME, is not under it */
    check(sh, "\\w", false, "/home/user2");
    check(sh, "\\W", false, "user2");
    vars_set(sh->vars, "PWD", "/", 0);
    check(sh, "\\w", false, "/");
    check(sh, "\\W", false, "/");
}

static void test_simple_escapes(void **state)
{
    struct shell *sh = *state;
    sh->last_status = 42;
    check(sh, "a\\nb", false, "a\nb");
    check(sh, "\\\\", false, "\\");
    check(sh, "\\?", false, "42");
    check(sh, "\\s", false, "minish");
    check(sh, "\\101\\e", false, "A\033");
    check(sh, "\\[x\\]", false, "\001x\002");
    check(sh, "\\z", false, "\\z");         /* unknown: kept as is */
    check(sh, "end\\", false, "end\\");
    check(sh, "", false, "");
}

static void test_user(void **state)
{
    struct shell *sh = *state;
    struct passwd *pw = getpwuid(geteuid());
    if (pw == NULL)
        skip();
    check(sh, "\\u", false, pw->pw_name);
}

static void test_jobs_count(void **state)
{
    struct shell *sh = *state;
    check(sh, "\\j", false, "0");
    job_new(&sh->jobs, "sleep 5", true);
    check(sh, "\\j", false, "1");
}

static void test_quoted_for_expansion(void **state)
{
    struct shell *sh = *state;
    vars_set(sh->vars, "PWD", "/tmp/$x`y`", 0);
    check(sh, "\\w", true, "/tmp/\037x`y`");     /* '$' hidden from expansion */
    check(sh, "\\w", false, "/tmp/$x`y`");
    check(sh, "\\\\", true, "\\");                /* expand_prompt keeps backslashes */
    check(sh, "\\$", true, geteuid() == 0 ? "#" : "\037");
    char *shown = prompt_render(sh, "\\w \\\\ \\$ $NOPE.");
    assert_string_equal(shown, geteuid() == 0 ? "/tmp/$x`y` \\ # ." : "/tmp/$x`y` \\ $ .");
    free(shown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dir_under_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dir_is_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dir_outside_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simple_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_user, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quoted_for_expansion, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
