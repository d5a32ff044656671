/*
 * test_shell.c -- struct shell's startup variables, $- and option names,
 * positional parameters, and the history file's mode.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history.h"
#include "shell.h"
#include "vars.h"

static int setup(void **state)
{
    static char *envp[] = { "IFS=x", "FOO=bar", "PWD=/no/such/dir", "PS2=>> ", NULL };
    struct shell *sh = malloc(sizeof *sh);
    shell_init(sh, envp);
    *state = sh;
    return 0;
}

static int teardown(void **state)
{
    shell_free(*state);
    free(*state);
    return 0;
}

static void test_startup_vars(void **state)
{
    struct shell *sh = *state;
    char *cwd = getcwd(NULL, 0);
    assert_string_equal(vars_get(sh->vars, "IFS"), " \t\n");   /* never inherited */
    assert_string_equal(vars_get(sh->vars, "FOO"), "bar");
    assert_true(vars_flags(sh->vars, "FOO") & VAR_EXPORT);
    assert_string_equal(vars_get(sh->vars, "PWD"), cwd);        /* the wrong one was replaced */
    assert_string_equal(vars_get(sh->vars, "PS2"), ">> ");      /* an inherited prompt is kept */
    assert_string_equal(vars_get(sh->vars, "PS1"), "\\w\\$ ");
    assert_string_equal(vars_get(sh->vars, "PS4"), "+ ");
    assert_string_equal(vars_get(sh->vars, "OPTIND"), "1");
    assert_non_null(vars_get(sh->vars, "PPID"));
    assert_int_equal(sh->pid, getpid());
    free(cwd);
}

static void test_flags_order(void **state)
{
    struct shell *sh = *state;
    char buf[32];
    assert_string_equal(shell_flags(sh, buf), "");
    assert_int_equal(shell_set_option_letter(sh, 'e', true), 0);
    assert_int_equal(shell_set_option_letter(sh, 'i', true), 0);
    assert_string_equal(shell_flags(sh, buf), "ie");            /* dash's order */
    shell_set_option_letter(sh, 'u', true);
    shell_set_option_letter(sh, 'a', true);
    shell_set_option_letter(sh, 'C', true);
    shell_set_option_letter(sh, 'f', true);
    shell_set_option_letter(sh, 'i', false);
    assert_string_equal(shell_flags(sh, buf), "uaCfe");
    assert_int_equal(shell_set_option_letter(sh, 'Z', true), -1);
}

static void test_option_names(void **state)
{
    struct shell *sh = *state;
    static const struct { const char *name; char letter; } table[] = {
        { "errexit", 'e' }, { "nounset", 'u' }, { "xtrace", 'x' }, { "verbose", 'v' },
        { "noexec", 'n' }, { "noglob", 'f' }, { "noclobber", 'C' }, { "allexport", 'a' },
        { "notify", 'b' }, { "ignoreeof", 0 }, { "pipefail", 0 },
    };
    char buf[32];
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        assert_int_equal(shell_set_option_name(sh, table[i].name, true), 0);
        if (table[i].letter != 0)
            assert_non_null(strchr(shell_flags(sh, buf), table[i].letter));
        assert_int_equal(shell_set_option_name(sh, table[i].name, false), 0);
        assert_string_equal(shell_flags(sh, buf), "");
    }
    assert_int_equal(shell_set_option_name(sh, "pipefail", true), 0);
    assert_true(sh->opt.pipefail);
    assert_int_equal(shell_set_option_name(sh, "nosuch", true), -1);
    shell_set_option_name(sh, "monitor", true);
    assert_true(sh->jobs.job_control);      /* -m reaches the job table */
    shell_set_option_name(sh, "monitor", false);
    assert_false(sh->jobs.job_control);
}

static void test_params(void **state)
{
    struct shell *sh = *state;
    char *args[] = { "a", "b c", NULL };
    shell_set_params(sh, args, 2);
    assert_int_equal(sh->nparams, 2);
    assert_string_equal(sh->params[1], "b c");
    assert_ptr_not_equal(sh->params[0], args[0]);   /* a copy */
    shell_set_params(sh, sh->params + 1, 1);        /* set -- "$2": from its own array */
    assert_int_equal(sh->nparams, 1);
    assert_string_equal(sh->params[0], "b c");
    shell_set_params(sh, NULL, 0);
    assert_int_equal(sh->nparams, 0);
}

static void test_history_file_mode(void **state)
{
    struct shell *sh = *state;
    char dir[] = "/tmp/minish-hist-XXXXXX";
    char path[64];
    struct stat st;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/hist", dir);
    vars_set(sh->vars, "HISTFILE", path, 0);
    history_init(sh);
    history_add_entry("echo one");
    history_add_entry("echo one");      /* a repeat is not stored twice */
    history_add_entry("  ");            /* nor a blank line */
    history_add_entry("for i in 1 2\ndo echo $i\ndone");
    mode_t old = umask(0);              /* the mode must not depend on the umask */
    history_save(sh);
    umask(old);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char buf[256] = "";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* bash's format: "#<seconds>" before each entry keeps the for loop one entry */
    assert_true(buf[0] == '#' && strstr(buf, "\necho one\n#") != NULL);
    assert_non_null(strstr(buf, "\nfor i in 1 2\ndo echo $i\ndone\n"));
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_startup_vars, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flags_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_params, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_file_mode, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
