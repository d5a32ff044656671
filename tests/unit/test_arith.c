/*
 * test_arith.c -- $((...)): precedence, constants, assignments, short
 * circuits, overflow and errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "arith.h"
#include "vars.h"

static intmax_t eval_ok(struct vars *v, const char *expr)
{
    intmax_t r = -12345;
    int rc = arith_eval(v, 0, expr, &r);
    if (rc != 0)
        fail_msg("arith_eval(\"%s\") failed", expr);
    return r;
}

static void test_precedence(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    static const struct { const char *expr; intmax_t want; } cases[] = {
        { "1+2*3", 7 }, { "(1+2)*3", 9 }, { "7/2", 3 }, { "-7/2", -3 }, { "7%3", 1 },
        { "7 % -3", 1 }, { "-7%3", -1 }, { "1<<4", 16 }, { "256>>4", 16 }, { "-16>>2", -4 },
        { "1+1<<2", 8 }, { "3<5", 1 }, { "5<=5", 1 }, { "5>6", 0 }, { "6>=7", 0 },
        { "1==1", 1 }, { "1!=1", 0 }, { "1<2==1", 1 }, { "6&3", 2 }, { "6^3", 5 },
        { "6|3", 7 }, { "1|2^3&4", 3 }, { "1&&0", 0 }, { "2&&3", 1 }, { "0||0", 0 },
        { "0||5", 1 }, { "1||0&&0", 1 }, { "1?2:3", 2 }, { "0?2:3", 3 },
        { "1 ? 2 : 0 ? 3 : 4", 2 }, { "0 ? 2 : 0 ? 3 : 4", 4 }, { "!0", 1 }, { "!5", 0 },
        { "~0", -1 }, { "-3", -3 }, { "+3", 3 }, { "--5", 5 }, { "- -5", 5 }, { "1--2", 3 },
        { "0x1F", 31 }, { "0X10", 16 }, { "010", 8 }, { "0", 0 }, { "  42  ", 42 },
        { "2*-3", -6 }, { "!!7", 1 }, { "-(2+3)*2", -10 }, { "1 <= 2 && 3 > 2", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        intmax_t got = eval_ok(v, cases[i].expr);
        if (got != cases[i].want)
            fail_msg("%s: got %jd want %jd", cases[i].expr, got, cases[i].want);
    }
    vars_free(v);
}

static void test_variables(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_int_equal(eval_ok(v, "unset_var + 1"), 1);
    vars_set(v, "e", "", 0);
    assert_int_equal(eval_ok(v, "e+1"), 1);
    vars_set(v, "n", " 12 ", 0);
    assert_int_equal(eval_ok(v, "n*2"), 24);
    vars_set(v, "h", "0x10", 0);
    assert_int_equal(eval_ok(v, "h"), 16);
    vars_set(v, "m", "-3", 0);
    assert_int_equal(eval_ok(v, "m*m"), 9);
    intmax_t r;
    vars_set(v, "bad", "1+1", 0);       /* never evaluated as an expression */
    assert_int_equal(arith_eval(v, 0, "bad", &r), -1);
    vars_set(v, "evil", "a[$(touch /tmp/x)]", 0);
    assert_int_equal(arith_eval(v, 0, "evil", &r), -1);
    vars_set(v, "abc", "abc", 0);
    assert_int_equal(arith_eval(v, 0, "abc + 1", &r), -1);
    vars_free(v);
}

static void test_assignment(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_int_equal(eval_ok(v, "x=5"), 5);
    assert_string_equal(vars_get(v, "x"), "5");
    static const struct { const char *expr; intmax_t want; } ops[] = {
        { "x+=3", 8 }, { "x-=1", 7 }, { "x*=2", 14 }, { "x/=4", 3 }, { "x%=2", 1 },
        { "x<<=4", 16 }, { "x>>=2", 4 }, { "x|=3", 7 }, { "x&=5", 5 }, { "x^=1", 4 },
        { "x = y = 2", 2 }, { "x++", 2 }, { "x", 3 }, { "++x", 4 }, { "x--", 4 },
        { "--x", 2 }, { "x ? x : 9", 2 }, { "x == 2", 1 },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        intmax_t got = eval_ok(v, ops[i].expr);
        if (got != ops[i].want)
            fail_msg("%s: got %jd want %jd", ops[i].expr, got, ops[i].want);
    }
    assert_string_equal(vars_get(v, "y"), "2");
    vars_set(v, "ro", "1", VAR_READONLY);
    intmax_t r;
    assert_int_equal(arith_eval(v, 0, "ro=2", &r), -1);
    assert_string_equal(vars_get(v, "ro"), "1");
    vars_free(v);
}

static void test_short_circuit(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_int_equal(eval_ok(v, "0 && (b=5)"), 0);
    assert_null(vars_get(v, "b"));
    assert_int_equal(eval_ok(v, "1 || (b=5)"), 1);
    assert_null(vars_get(v, "b"));
    assert_int_equal(eval_ok(v, "1 ? (c=1) : (d=2)"), 1);
    assert_string_equal(vars_get(v, "c"), "1");
    assert_null(vars_get(v, "d"));
    assert_int_equal(eval_ok(v, "0 && 1/0"), 0);     /* skipped: no error */
    assert_int_equal(eval_ok(v, "1 && (b=5)"), 1);
    assert_string_equal(vars_get(v, "b"), "5");
    vars_free(v);
}

static void test_overflow(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    assert_true(eval_ok(v, "9223372036854775807+1") == INTMAX_MIN);
    assert_true(eval_ok(v, "-9223372036854775807-1") == INTMAX_MIN);
    assert_true(eval_ok(v, "(-9223372036854775807-1)/-1") == INTMAX_MIN);
    assert_true(eval_ok(v, "(-9223372036854775807-1)%-1") == 0);
    assert_true(eval_ok(v, "-(-9223372036854775807-1)") == INTMAX_MIN);
    assert_true(eval_ok(v, "9223372036854775807*2") == -2);
    assert_true(eval_ok(v, "1<<63") == INTMAX_MIN);
    assert_true(eval_ok(v, "1<<64") == 1);      /* count taken mod 64, as dash on x86-64 */
    assert_true(eval_ok(v, "1<<-1") == INTMAX_MIN);
    assert_true(eval_ok(v, "-1>>70") == -1);
    vars_free(v);
}

static void test_errors(void **state)
{
    (void)state;
    struct vars *v = vars_new();
    static const char *const bad[] = {
        "1/0", "1%0", "1+", "", "   ", "(1", "1)", "08", "1 2", "2**3", "a=", "1?2",
        "x++y", "0x", "@", "1 = 2", "5 += 1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        intmax_t r = 77;
        if (arith_eval(v, 0, bad[i], &r) != -1)
            fail_msg("\"%s\" should fail, gave %jd", bad[i], r);
        assert_true(r == 77);
    }
    vars_set(v, "z", "0", 0);
    intmax_t r;
    assert_int_equal(arith_eval(v, 0, "x/=z", &r), -1);
    vars_free(v);
}

/* arith_format against printf's %jd, at the edges and around them */
static void test_format(void **state)
{
    (void)state;
    const intmax_t cases[] = { 0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345,
                               INTMAX_MAX, INTMAX_MIN, INTMAX_MAX - 1, INTMAX_MIN + 1 };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char want[ARITH_DIGITS + 8], buf[ARITH_DIGITS];
        snprintf(want, sizeof want, "%jd", cases[i]);
        assert_string_equal(arith_format(buf, cases[i]), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_variables),
        cmocka_unit_test(test_assignment),
        cmocka_unit_test(test_short_circuit),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
