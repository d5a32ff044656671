/*
 * arena.c -- a bump allocator with reference counting.
 *
 * Owns: blocks of memory, each carved front to back.
 * Never: frees one object; the whole arena goes at once.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

enum { ARENA_BLOCK = 8192 };    /* usual block size; larger requests get their own */

struct arena_block {
    struct arena_block *next;   /* older block */
    size_t used, size;          /* bytes handed out, bytes in data[] */
    alignas(max_align_t) unsigned char data[];
};

struct arena *arena_new(void)
{
    struct arena *a = xcalloc(1, sizeof *a);
    a->refs = 1;
    return a;
}

void arena_ref(struct arena *a)
{
    a->refs++;
}

void arena_unref(struct arena *a)
{
    if (a == NULL || --a->refs > 0)
        return;
    struct arena_block *b = a->head;
    while (b != NULL) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);     /* keep every object aligned */
    struct arena_block *b = a->head;
    if (b == NULL || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
    return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
