/*
 * test_vars.c -- the variable table: flags, growth, scopes, environment.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "vars.h"

static void test_set_get_unset(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_null(vars_get(v, "x"));
    assert_int_equal(vars_set(v, "x", "1", 0), 0);
    assert_string_equal(vars_get(v, "x"), "1");
    assert_int_equal(vars_set(v, "x", "two", 0), 0);
    assert_string_equal(vars_get(v, "x"), "two");
    assert_int_equal(vars_unset(v, "x"), 0);
    assert_null(vars_get(v, "x"));
    assert_int_equal(vars_unset(v, "never"), 0);
    vars_set(v, "r", "1", VAR_READONLY);
    assert_int_equal(vars_set(v, "r", "2", 0), -1);
    assert_int_equal(vars_unset(v, "r"), -1);
    assert_string_equal(vars_get(v, "r"), "1");
    assert_int_equal(vars_flags(v, "r"), VAR_READONLY);
    assert_int_equal(vars_flags(v, "nope"), 0);
    vars_add_flags(v, "e", VAR_EXPORT);     /* export before assignment */
    assert_null(vars_get(v, "e"));
    assert_int_equal(vars_flags(v, "e"), VAR_EXPORT);
    vars_set(v, "e", "v", 0);
    assert_int_equal(vars_flags(v, "e"), VAR_EXPORT);
    vars_free(v);
}

static void test_names(void **state)
{
    (void)state;
    assert_true(vars_valid_name("a"));
    assert_true(vars_valid_name("_a1"));
    assert_false(vars_valid_name("1a"));
    assert_false(vars_valid_name(""));
    assert_false(vars_valid_name("a-b"));
    assert_false(vars_valid_name("BASH_FUNC_f%%"));
    size_t n = 0;
    assert_true(vars_is_assignment("ab=c", &n));
    assert_int_equal(n, 2);
    assert_true(vars_is_assignment("x=", &n));
    assert_false(vars_is_assignment("=x", &n));
    assert_false(vars_is_assignment("1x=2", &n));
    assert_false(vars_is_assignment("ab", &n));
}

static void test_growth(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    char name[32], val[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(name, sizeof name, "v%d", i);
        snprintf(val, sizeof val, "%d", i * 7);
        assert_int_equal(vars_set(v, name, val, 0), 0);
    }
    for (int i = 0; i < 10000; i++) {
        snprintf(name, sizeof name, "v%d", i);
        snprintf(val, sizeof val, "%d", i * 7);
        assert_string_equal(vars_get(v, name), val);
    }
    for (int i = 0; i < 10000; i += 2) {
        snprintf(name, sizeof name, "v%d", i);
        vars_unset(v, name);
    }
    assert_null(vars_get(v, "v0"));
    assert_string_equal(vars_get(v, "v9999"), "69993");
    vars_free(v);
}

static void test_scopes(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_int_equal(vars_make_local(v, "x"), -1);     /* not in a function */
    vars_set(v, "x", "outer", VAR_EXPORT);
    vars_push_scope(v);
    assert_int_equal(vars_make_local(v, "x"), 0);
    assert_string_equal(vars_get(v, "x"), "outer");   /* keeps its value, as in dash */
    vars_set(v, "x", "inner", VAR_READONLY);
    assert_int_equal(vars_make_local(v, "new"), 0);
    vars_set(v, "new", "n", 0);
    vars_push_scope(v);
    vars_make_local(v, "new");
    vars_set(v, "new", "deeper", 0);
    vars_pop_scope(v);
    assert_string_equal(vars_get(v, "new"), "n");
    vars_pop_scope(v);
    assert_string_equal(vars_get(v, "x"), "outer");
    assert_int_equal(vars_flags(v, "x"), VAR_EXPORT);  /* readonly went with the scope */
    assert_null(vars_get(v, "new"));
    assert_int_equal(vars_flags(v, "new"), 0);
    vars_pop_scope(v);      /* no scope: harmless */
    vars_push_scope(v);     /* left open: vars_free must free it */
    vars_make_local(v, "x");
    vars_free(v);
}

static size_t env_count(char *const *env)
{
    size_t n = 0;
    while (env[n] != NULL)
        n++;
    return n;
}

static void test_environ(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    char *const envp[] = { "HOME=/h", "BASH_FUNC_f%%=() { echo hi; }", "1BAD=x", "A=a=b", "NOEQ", NULL };
    vars_import(v, envp);
    assert_string_equal(vars_get(v, "HOME"), "/h");
    assert_string_equal(vars_get(v, "A"), "a=b");
    assert_null(vars_get(v, "1BAD"));
    vars_set(v, "local", "l", 0);
    char *const *env = vars_environ(v);
    assert_int_equal(env_count(env), 2);
    assert_string_equal(env[0], "A=a=b");       /* name order */
    assert_string_equal(env[1], "HOME=/h");
    assert_ptr_equal(vars_environ(v), env);     /* cached */
    vars_set(v, "local", "l2", 0);              /* not exported: no rebuild needed */
    assert_ptr_equal(vars_environ(v), env);
    vars_add_flags(v, "local", VAR_EXPORT);
    env = vars_environ(v);
    assert_int_equal(env_count(env), 3);
    assert_string_equal(env[2], "local=l2");
    vars_unset(v, "A");
    env = vars_environ(v);
    assert_int_equal(env_count(env), 2);
    assert_string_equal(env[0], "HOME=/h");
    vars_add_flags(v, "unsetexp", VAR_EXPORT);  /* exported but unset: not in env */
    assert_int_equal(env_count(vars_environ(v)), 2);
    vars_free(v);
}

static void visit(const char *name, const char *value, unsigned flags, void *ctx)
{
    (void)flags;
    char *out = ctx;
    strcat(out, name);
    strcat(out, "=");
    strcat(out, value ? value : "(unset)");
    strcat(out, ";");
}

static void test_foreach(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    vars_set(v, "b", "2", 0);
    vars_set(v, "a", "1", 0);
    vars_set(v, "c", "3", 0);
    vars_add_flags(v, "B", VAR_EXPORT);
    char out[256] = "";
    vars_foreach(v, visit, out);
    assert_string_equal(out, "B=(unset);a=1;b=2;c=3;");
    vars_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_get_unset),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_environ),
        cmocka_unit_test(test_foreach),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
