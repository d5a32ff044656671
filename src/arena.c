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

/* Under Valgrind, spare blocks are marked unusable, so that a pointer kept
 * into an arena after arena_unref is still reported, as it was with free(). */
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define SPARE_HIDE(p, n) VALGRIND_MAKE_MEM_NOACCESS(p, n)
#define SPARE_SHOW(p, n) VALGRIND_MAKE_MEM_UNDEFINED(p, n)
#endif
#endif
#ifndef SPARE_HIDE
#define SPARE_HIDE(p, n) ((void)(p), (void)(n))
#define SPARE_SHOW(p, n) ((void)(p), (void)(n))
#endif

enum { ARENA_BLOCK = 8192 };    /* usual block size; larger requests get their own */

struct arena_block {
    struct arena_block *next;   /* older block */
    size_t size;                /* bytes in data[]; the arena's next/limit say how many are used */
    alignas(max_align_t) unsigned char data[];
};

/*
 * Freed arenas and standard-size blocks wait here for the next arena_new
 * instead of going back to malloc: the executor makes an arena for every
 * simple command, so a loop would otherwise malloc and free a block and an
 * arena header per iteration.  Kept small (a few blocks), so the idle
 * footprint does not grow; the lists are still reachable at exit.
 */
enum { SPARE_BLOCKS = 8, SPARE_ARENAS = 8 };
static struct arena_block *spare_blocks;    /* linked through next */
static size_t nspare_blocks;
static struct arena *spare_arenas[SPARE_ARENAS];
static size_t nspare_arenas;

struct arena *arena_new(void)
{
    struct arena *a;
    if (nspare_arenas > 0) {
        a = spare_arenas[--nspare_arenas];
        SPARE_SHOW(a, sizeof *a);
    } else {
        a = xmalloc(sizeof *a);
    }
    a->head = NULL;
    a->next = a->limit = NULL;
    a->refs = 1;
    return a;
}

void arena_ref(struct arena *a)
{
    a->refs++;
}

/* Keep B for reuse if it is a standard block and there is room, else free it. */
static void block_release(struct arena_block *b)
{
    if (b->size == ARENA_BLOCK && nspare_blocks < SPARE_BLOCKS) {
        b->next = spare_blocks;
        spare_blocks = b;
        nspare_blocks++;
        SPARE_HIDE(b->data, b->size);
        return;
    }
    free(b);
}

void arena_unref(struct arena *a)
{
    if (a == NULL || --a->refs > 0)
        return;
    struct arena_block *b = a->head;
    while (b != NULL) {
        struct arena_block *next = b->next;
        block_release(b);
        b = next;
    }
    if (nspare_arenas < SPARE_ARENAS) {
        spare_arenas[nspare_arenas++] = a;
        SPARE_HIDE(a, sizeof *a);
    } else {
        free(a);
    }
}

/* A block with room for N bytes: a spare one when N fits, else malloc. */
static struct arena_block *block_get(size_t n)
{
    if (n <= ARENA_BLOCK && spare_blocks != NULL) {
        struct arena_block *b = spare_blocks;
        spare_blocks = b->next;
        nspare_blocks--;
        SPARE_SHOW(b->data, b->size);
        return b;
    }
    size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
    struct arena_block *b = xmalloc(sizeof *b + size);
    b->size = size;
    return b;
}

void *arena_alloc_slow(struct arena *a, size_t n)
{
    if (n == 0)
        n = alignof(max_align_t);   /* still a pointer of its own */
    /* what is left of the old block is given up: blocks are freed whole */
    struct arena_block *b = block_get(n);
    b->next = a->head;
    a->head = b;
    a->next = b->data + n;
    a->limit = b->data + b->size;
    return b->data;
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
