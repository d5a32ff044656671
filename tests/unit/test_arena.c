/*
 * test_arena.c -- the bump allocator and the growable string buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"

/* Every allocation is aligned for any object, and allocations never overlap. */
static void test_alignment_and_no_overlap(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *prev = NULL;
    for (size_t n = 1; n < 300; n += 7) {
        char *p = arena_alloc(a, n);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        memset(p, 0xab, n);             /* Valgrind/ASan catch an overrun here */
        if (prev != NULL)
            assert_ptr_not_equal(p, prev);
        prev = p;
    }
    arena_unref(a);
}

/* A request larger than a block gets a block of its own and keeps its bytes. */
static void test_large_allocation(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *small = arena_strdup(a, "before");
    size_t big = 100000;
    char *p = arena_alloc(a, big);
    memset(p, 'x', big);
    char *after = arena_strdup(a, "after");
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_int_equal(p[big - 1], 'x');
    arena_unref(a);
}

static void test_zalloc_and_strndup(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    unsigned char *z = arena_zalloc(a, 64);
    for (int i = 0; i < 64; i++)
        assert_int_equal(z[i], 0);
    assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
    arena_unref(a);
}

/* A reference keeps the arena alive after its first owner lets go
 * (how a function definition outlives the command that defined it). */
static void test_reference_counting(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *s = arena_strdup(a, "function body");
    arena_ref(a);
    assert_int_equal(a->refs, 2);
    arena_unref(a);                     /* the command is done */
    assert_int_equal(a->refs, 1);
    assert_string_equal(s, "function body");
    arena_unref(a);                     /* the function is redefined */
    arena_unref(NULL);                  /* harmless */
}

static void test_strbuf(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    assert_string_equal(sb_str(&sb), "");
    sb_puts(&sb, "ls");
    sb_putc(&sb, ' ');
    sb_putn(&sb, "-l and more", 2);
    sb_printf(&sb, " | wc -%c %d", 'l', 42);
    assert_string_equal(sb_str(&sb), "ls -l | wc -l 42");
    assert_int_equal(sb.len, strlen("ls -l | wc -l 42"));
    sb_reset(&sb);
    assert_string_equal(sb_str(&sb), "");
    for (int i = 0; i < 10000; i++)
        sb_putc(&sb, (char)('a' + i % 26));
    assert_int_equal(sb.len, 10000);
    char *s = sb_detach(&sb);
    assert_int_equal(strlen(s), 10000);
    assert_int_equal(sb.len, 0);
    assert_null(sb.buf);
    free(s);
    sb_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alignment_and_no_overlap),
        cmocka_unit_test(test_large_allocation),
        cmocka_unit_test(test_zalloc_and_strndup),
        cmocka_unit_test(test_reference_counting),
        cmocka_unit_test(test_strbuf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
