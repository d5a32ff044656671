/*
 * test_diag.c -- the one format of error messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

/* Run FN with stderr sent to a temporary file; return what it printed. */
static char *capture_stderr(void (*fn)(void))
{
    static char text[1024];
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(2);
    assert_true(saved >= 0);
    assert_true(dup2(fileno(tmp), 2) == 2);
    fn();
    fflush(stderr);
    assert_true(dup2(saved, 2) == 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(text, 1, sizeof text - 1, tmp);
    text[n] = '\0';
    fclose(tmp);
    return text;
}

static void plain_error(void)
{
    diag_set_source(NULL);
    diag_error("cd", "%s: %s", "/nope", "No such file or directory");
}

static void script_error(void)
{
    diag_set_source("job.sh");
    diag_set_line(7);
    diag_error("nope", "command not found");
    diag_set_source(NULL);
}

static void syntax_with_caret(void)
{
    diag_set_source(NULL);
    diag_syntax("line 3", 4, ")", "ls )\n");
}

/* "echo привет | | x": the second '|' is byte 21 but column 15 */
static void syntax_utf8_caret(void)
{
    diag_syntax(NULL, 21, "|", "echo \u043f\u0440\u0438\u0432\u0435\u0442 | | x\n");
}

/* a tab runs to column 8: shown as spaces, the caret counts them */
static void syntax_tab_caret(void)
{
    diag_syntax(NULL, 5, ";;", "a\tb ;;\n");
}

static void test_error_format(void **state)
{
    (void)state;
    assert_string_equal(capture_stderr(plain_error),
                        "minish: cd: /nope: No such file or directory\n");
    assert_string_equal(capture_stderr(script_error),
                        "minish: job.sh: line 7: nope: command not found\n");
}

static void test_syntax_error_caret(void **state)
{
    (void)state;
    assert_string_equal(capture_stderr(syntax_with_caret),
                        "minish: line 3: syntax error near ')'\n"
                        "  ls )\n"
                        "     ^\n");
}

static void test_syntax_caret_columns(void **state)
{
    (void)state;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
        skip();
    assert_string_equal(capture_stderr(syntax_utf8_caret),
                        "minish: syntax error near '|'\n"
                        "  echo \u043f\u0440\u0438\u0432\u0435\u0442 | | x\n"
                        "                ^\n");
    assert_string_equal(capture_stderr(syntax_tab_caret),
                        "minish: syntax error near ';;'\n"
                        "  a       b ;;\n"
                        "            ^\n");
    setlocale(LC_CTYPE, "C");
}

static void test_memory_helpers(void **state)
{
    (void)state;
    char *s = xstrndup("abcdef", 2);
    assert_string_equal(s, "ab");
    s = xrealloc(s, 100);
    assert_string_equal(s, "ab");
    free(s);
    int *z = xcalloc(4, sizeof *z);
    assert_int_equal(z[0] | z[1] | z[2] | z[3], 0);
    free(z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_format),
        cmocka_unit_test(test_syntax_error_caret),
        cmocka_unit_test(test_syntax_caret_columns),
        cmocka_unit_test(test_memory_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
