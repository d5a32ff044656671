/*
 * arith.h -- $((...)): integer arithmetic on intmax_t with C's operators and
 * precedence, variables by name, and assignment operators.
 *
 * Owns: the arithmetic grammar and its errors.
 * Never: expands parameters or command substitutions inside the expression;
 *        the expander has done that before the text reaches here.  A
 *        variable's value is read as a number only, never evaluated as an
 *        expression (so X='a[$(cmd)]' is an error, not a command).
 */
#ifndef MINISH_ARITH_H
#define MINISH_ARITH_H

#include <stdint.h>

struct vars;

/*
 * Evaluate EXPR.  Returns 0 and sets *result, or -1 after printing
 * "minish: arithmetic: WHY" (division by zero, syntax error, ...).
 * Assignments (x=1, x+=2, x++) write to VARS with SET_FLAGS (VAR_EXPORT
 * under set -a); -1 if a target is readonly.
 */
int arith_eval(struct vars *vars, unsigned set_flags, const char *expr, intmax_t *result);

enum { ARITH_DIGITS = 24 };     /* room for any intmax_t in decimal, with sign and NUL */
/* N in decimal ("%jd"), written at the end of BUF; returns where it starts.
 * snprintf does the same at ten times the cost, and $((...)), ${#x} and $?
 * format a number each time. */
char *arith_format(char buf[ARITH_DIGITS], intmax_t n);

#endif
