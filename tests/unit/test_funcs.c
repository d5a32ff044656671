/*
 * test_funcs.c -- the function table (arena references) and the alias table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "funcs.h"

static void test_functions(void **state)
{
    (void)state;
    struct func_table *t = funcs_new();
    struct arena *a1 = arena_new(), *a2 = arena_new();
    struct node *b1 = arena_zalloc(a1, sizeof *b1);
    struct node *b2 = arena_zalloc(a2, sizeof *b2);
    assert_null(funcs_get(t, "f"));
    funcs_set(t, "f", b1, a1);
    assert_int_equal(a1->refs, 2);
    assert_ptr_equal(funcs_get(t, "f"), b1);
    funcs_set(t, "f", b2, a2);      /* redefinition drops a1's reference */
    assert_int_equal(a1->refs, 1);
    assert_int_equal(a2->refs, 2);
    assert_ptr_equal(funcs_get(t, "f"), b2);
    funcs_set(t, "g", b2, a2);
    assert_int_equal(a2->refs, 3);
    funcs_set(t, "g", b2, a2);      /* same arena again: must not free it */
    assert_int_equal(a2->refs, 3);
    assert_int_equal(funcs_unset(t, "g"), 0);
    assert_int_equal(funcs_unset(t, "g"), -1);
    assert_int_equal(a2->refs, 2);
    arena_unref(a1);
    arena_unref(a2);                /* the table still holds f's body */
    assert_ptr_equal(funcs_get(t, "f"), b2);
    funcs_free(t);                  /* frees a2 (checked by ASan/valgrind) */
}

static void fvisit(const char *name, const struct node *body, void *ctx)
{
    (void)body;
    strcat(ctx, name);
    strcat(ctx, ",");
}

static void test_function_order(void **state)
{
    (void)state;
    struct func_table *t = funcs_new();
    struct arena *a = arena_new();
    struct node *b = arena_zalloc(a, sizeof *b);
    const char *names[] = { "m", "c", "x", "a", "k", "b" };
    for (size_t i = 0; i < 6; i++)
        funcs_set(t, names[i], b, a);
    char out[64] = "";
    funcs_foreach(t, fvisit, out);
    assert_string_equal(out, "a,b,c,k,m,x,");
    arena_unref(a);
    funcs_free(t);
}

/* Many names: the table grows and every name is still found, removed
 * names are gone and the others stay. */
static void test_many_functions(void **state)
{
    (void)state;
    struct func_table *t = funcs_new();
    struct arena *a = arena_new();
    struct node *b = arena_zalloc(a, 2000 * sizeof *b);
    char name[16];
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "f_%d", i);
        funcs_set(t, name, &b[i], a);
    }
    for (int i = 0; i < 2000; i += 2) {
        snprintf(name, sizeof name, "f_%d", i);
        assert_int_equal(funcs_unset(t, name), 0);
    }
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "f_%d", i);
        if (i % 2 == 0)
            assert_null(funcs_get(t, name));
        else
            assert_ptr_equal(funcs_get(t, name), &b[i]);
    }
    assert_null(funcs_get(t, "f_"));
    assert_int_equal(a->refs, 1001);
    arena_unref(a);
    funcs_free(t);
}

static void avisit(const char *name, const char *value, void *ctx)
{
    strcat(ctx, name);
    strcat(ctx, "=");
    strcat(ctx, value);
    strcat(ctx, ";");
}

static void test_aliases(void **state)
{
    (void)state;
    struct alias_table *t = alias_new();
    assert_null(alias_get(t, "ll"));
    alias_set(t, "ll", "ls -l");
    alias_set(t, "la", "ls -a");
    alias_set(t, "ll", "ls -lh");
    assert_string_equal(alias_get(t, "ll"), "ls -lh");
    alias_set(t, "ll", alias_get(t, "ll"));     /* its own text */
    assert_string_equal(alias_get(t, "ll"), "ls -lh");
    char out[128] = "";
    alias_foreach(t, avisit, out);
    assert_string_equal(out, "la=ls -a;ll=ls -lh;");
    assert_int_equal(alias_unset(t, "la"), 0);
    assert_int_equal(alias_unset(t, "la"), -1);
    assert_null(alias_get(t, "la"));
    alias_clear(t);
    assert_null(alias_get(t, "ll"));
    alias_set(t, "z", "y");
    assert_string_equal(alias_get(t, "z"), "y");
    alias_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_functions),
        cmocka_unit_test(test_function_order),
        cmocka_unit_test(test_many_functions),
        cmocka_unit_test(test_aliases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
