/*
 * test_exec.c -- the executor on a real shell: trees built by hand for
 * the status rules of && || ! and pipelines, and short scripts through
 * exec_string for loops, functions, assignments, set -e and $(...).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#ifndef NSIG
#define NSIG _NSIG      /* glibc shows NSIG only outside strict POSIX; shell.h needs it */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "exec.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

extern char **environ;

struct fixture {
    struct shell sh;
    struct arena *a;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    shell_init(&f->sh, environ);
    exec_init(&f->sh);
    f->a = arena_new();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    arena_unref(f->a);
    shell_free(&f->sh);
    free(f);
    return 0;
}

/* ==== Building trees by hand ==== */

static const struct src_pos pos1 = { 1, 1 };

/* A word of one literal part. */
static struct word *lit(struct arena *a, const char *text)
{
    struct word *w = ast_word(a, pos1);
    w->parts = ast_wpart(a, WP_LITERAL);
    w->parts->u.text = arena_strdup(a, text);
    return w;
}

/* A simple command from a NULL-terminated list of words. */
static struct node *cmd(struct arena *a, const char *first, ...)
{
    struct node *n = ast_node(a, N_SIMPLE, pos1);
    struct word **tail = &n->u.simple.words;
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s != NULL; s = va_arg(ap, const char *)) {
        *tail = lit(a, s);
        tail = &(*tail)->next;
    }
    va_end(ap);
    return n;
}

static struct node *binary(struct arena *a, enum node_kind kind, struct node *l, struct node *r)
{
    struct node *n = ast_node(a, kind, pos1);
    n->u.binary.left = l;
    n->u.binary.right = r;
    return n;
}

static struct node *pipeline(struct arena *a, bool negated, struct node *s0, struct node *s1)
{
    struct node *n = ast_node(a, N_PIPELINE, pos1);
    size_t count = s1 != NULL ? 2 : 1;
    n->u.pipeline.stages = arena_alloc(a, count * sizeof *n->u.pipeline.stages);
    n->u.pipeline.stages[0] = s0;
    if (s1 != NULL)
        n->u.pipeline.stages[1] = s1;
    n->u.pipeline.nstages = count;
    n->u.pipeline.negated = negated;
    return n;
}

/* ==== Status rules on hand-built trees ==== */

static void test_null_tree_is_status_0(void **state)
{
    struct fixture *f = *state;
    f->sh.last_status = 5;
    assert_int_equal(exec_tree(&f->sh, NULL), 0);
    assert_int_equal(f->sh.last_status, 0);
}

static void test_and_or_status(void **state)
{
    struct fixture *f = *state;
    struct arena *a = f->a;
    /* false && true -> 1 (right side skipped) */
    assert_int_equal(exec_tree(&f->sh, binary(a, N_AND, cmd(a, "false", NULL), cmd(a, "true", NULL))), 1);
    /* true && false -> 1 */
    assert_int_equal(exec_tree(&f->sh, binary(a, N_AND, cmd(a, "true", NULL), cmd(a, "false", NULL))), 1);
    /* false || true -> 0 */
    assert_int_equal(exec_tree(&f->sh, binary(a, N_OR, cmd(a, "false", NULL), cmd(a, "true", NULL))), 0);
    /* true || false -> 0 */
    assert_int_equal(exec_tree(&f->sh, binary(a, N_OR, cmd(a, "true", NULL), cmd(a, "false", NULL))), 0);
    /* true ; false -> 1, and $? follows */
    assert_int_equal(exec_tree(&f->sh, binary(a, N_SEQ, cmd(a, "true", NULL), cmd(a, "false", NULL))), 1);
    assert_int_equal(f->sh.last_status, 1);
}

static void test_negation(void **state)
{
    struct fixture *f = *state;
    struct arena *a = f->a;
    assert_int_equal(exec_tree(&f->sh, pipeline(a, true, cmd(a, "false", NULL), NULL)), 0);
    assert_int_equal(exec_tree(&f->sh, pipeline(a, true, cmd(a, "true", NULL), NULL)), 1);
}

static void test_pipeline_status_is_last_stage(void **state)
{
    struct fixture *f = *state;
    struct arena *a = f->a;
    assert_int_equal(exec_tree(&f->sh, pipeline(a, false, cmd(a, "true", NULL), cmd(a, "false", NULL))), 1);
    assert_int_equal(exec_tree(&f->sh, pipeline(a, false, cmd(a, "false", NULL), cmd(a, "true", NULL))), 0);
    assert_int_equal(exec_tree(&f->sh, pipeline(a, true, cmd(a, "true", NULL), cmd(a, "false", NULL))), 0);
}

/* /bin/echo hi | tr a-z A-Z, its output captured through $(...)'s pipe. */
static void test_pipeline_output(void **state)
{
    struct fixture *f = *state;
    struct arena *a = f->a;
    struct strbuf out = STRBUF_INIT;
    struct node *n = pipeline(a, false, cmd(a, "/bin/echo", "hi", NULL), cmd(a, "tr", "a-z", "A-Z", NULL));
    assert_int_equal(f->sh.ops.cmdsub(&f->sh, n, &out), 0);
    assert_string_equal(sb_str(&out), "HI\n");
    sb_free(&out);
}

static void test_cmdsub_status(void **state)
{
    struct fixture *f = *state;
    struct strbuf out = STRBUF_INIT;
    assert_int_equal(f->sh.ops.cmdsub(&f->sh, cmd(f->a, "false", NULL), &out), 1);
    assert_int_equal(f->sh.last_status, 1);
    assert_int_equal((int)out.len, 0);
    sb_free(&out);
}

static void test_not_found_is_127(void **state)
{
    struct fixture *f = *state;
    /* the child prints "minish: ...: command not found" on stderr */
    struct node *n = cmd(f->a, "minish-no-such-command-here", NULL);
    assert_int_equal(exec_tree(&f->sh, n), 127);
}

/* ==== Scripts through exec_string ==== */

/* Run TEXT; return the value of variable NAME afterwards ("" if unset). */
static const char *run(struct fixture *f, const char *text, const char *name)
{
    exec_string(&f->sh, text, NULL);
    const char *v = vars_get(f->sh.vars, name);
    return v != NULL ? v : "";
}

static void test_break_and_continue_levels(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(run(f, "r=; for i in 1 2 3; do for j in a b; do r=$r$i$j; continue 2; done; done", "r"),
                        "1a2a3a");
    assert_string_equal(run(f, "r=; for i in 1 2; do for j in a b; do r=$r$i$j; break 2; done; done", "r"),
                        "1a");
    assert_string_equal(run(f, "r=; i=0; while [ $i -lt 4 ]; do i=$((i+1)); [ $i = 2 ] && continue; r=$r$i; done", "r"),
                        "134");
    assert_int_equal(f->sh.jump, JUMP_NONE);
    assert_int_equal(f->sh.loop_depth, 0);
}

static void test_function_params_and_return(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(run(f, "set -- x y; f() { r=$#:$1; return 3; }; f a b c; s=$?:$#:$1", "r"), "3:a");
    assert_string_equal(vars_get(f->sh.vars, "s"), "3:2:x");
    assert_int_equal(f->sh.func_depth, 0);
}

static void test_function_redefined_while_running(void **state)
{
    struct fixture *f = *state;
    /* the running body must stay valid after its own definition is replaced */
    assert_string_equal(run(f, "f() { f() { r=new; }; r=old; }; f; s=$r; f", "r"), "new");
    assert_string_equal(vars_get(f->sh.vars, "s"), "old");
}

static void test_assignment_prefixes(void **state)
{
    struct fixture *f = *state;
    /* a regular builtin: restored afterwards */
    assert_string_equal(run(f, "x=1; x=2 true", "x"), "1");
    /* a special builtin: persists */
    assert_string_equal(run(f, "x=1; x=3 :", "x"), "3");
    /* a function: local to the call, visible inside */
    assert_string_equal(run(f, "x=1; g() { y=$x; }; x=4 g", "y"), "4");
    assert_string_equal(vars_get(f->sh.vars, "x"), "1");
    /* sequential, as in dash */
    assert_string_equal(run(f, "a=1 b=$a", "b"), "1");
}

static void test_assignment_status_is_last_cmdsub(void **state)
{
    struct fixture *f = *state;
    exec_string(&f->sh, "x=$(exit 3)", NULL);
    assert_int_equal(f->sh.last_status, 3);
    exec_string(&f->sh, "false; x=1", NULL);
    assert_int_equal(f->sh.last_status, 0);
}

static void test_errexit(void **state)
{
    struct fixture *f = *state;
    /* tested contexts do not exit */
    assert_string_equal(run(f, "set -e; if false; then :; fi; false || true; ! true; r=alive", "r"), "alive");
    assert_int_equal(f->sh.jump, JUMP_NONE);
    /* a plain failure does */
    assert_string_equal(run(f, "r=before; false; r=after", "r"), "before");
    assert_int_equal(f->sh.jump, JUMP_EXIT);
    f->sh.jump = JUMP_NONE;
    f->sh.opt.errexit = false;
}

static void test_case_and_fallthrough(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(run(f, "r=; case abc in x|a*) r=${r}1;& b) r=${r}2;; *) r=${r}3;; esac", "r"), "12");
    assert_string_equal(run(f, "r=none; case q in a) r=a;; esac", "r"), "none");
}

static void test_redirection_to_file(void **state)
{
    struct fixture *f = *state;
    char path[] = "/tmp/minish-test-exec-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct strbuf text = STRBUF_INIT;
    sb_printf(&text, "{ echo one; echo two; } > %s; read r < %s", path, path);
    assert_string_equal(run(f, sb_str(&text), "r"), "one");
    sb_free(&text);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_null_tree_is_status_0, setup, teardown),
        cmocka_unit_test_setup_teardown(test_and_or_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_negation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipeline_status_is_last_stage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipeline_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cmdsub_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_found_is_127, setup, teardown),
        cmocka_unit_test_setup_teardown(test_break_and_continue_levels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_function_params_and_return, setup, teardown),
        cmocka_unit_test_setup_teardown(test_function_redefined_while_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assignment_prefixes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assignment_status_is_last_cmdsub, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errexit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_and_fallthrough, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redirection_to_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
