/*
 * fuzz_arith.c -- libFuzzer target: arbitrary bytes as a $((...))
 * expression, evaluated by arith_eval on a scratch variable table.
 *
 * Owns: nothing but the harness.  Never: touches the environment.
 * The table holds values that are numbers, expressions and hostile text,
 * so the "a value is read as a number only" rule is exercised too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "vars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct vars *v = vars_new();        /* fresh per input: results must not depend on history */
    vars_set(v, "x", "5", 0);
    vars_set(v, "y", "x+1", 0);
    vars_set(v, "big", "9223372036854775807", 0);
    vars_set(v, "X", "a[$(touch /tmp/pwned)]", 0);
    vars_set(v, "r", "7", VAR_READONLY);
    intmax_t result = 0;
    (void)arith_eval(v, 0, text, &result);
    vars_free(v);
    free(text);
    return 0;
}
