/*
 * arena.h -- a bump allocator: everything parsed from one command lives in
 * one arena and is freed with one call.
 *
 * Owns: the blocks of memory it hands out.
 * Never: frees single objects; there is no arena_free_one.
 *
 * An arena is reference counted so that a function definition can keep the
 * tree it was parsed into alive after the command that defined it is done.
 */
#ifndef MINISH_ARENA_H
#define MINISH_ARENA_H

#include <stdalign.h>
#include <stddef.h>

struct arena_block;

struct arena {
    unsigned char *next;        /* the free part of the newest block ... */
    unsigned char *limit;       /* ... up to here */
    struct arena_block *head;   /* newest block first */
    int refs;                   /* arena_unref frees the arena when this drops to 0 */
};

/* A new heap arena with one reference. */
struct arena *arena_new(void);
void arena_ref(struct arena *a);
/* Drop one reference; frees every block and the arena itself at zero. NULL is fine. */
void arena_unref(struct arena *a);

/* arena_alloc when the newest block has no room (or N is 0): a new block. */
void *arena_alloc_slow(struct arena *a, size_t n);

/* N bytes aligned for any object; never NULL (out of memory is fatal).
 * Inline: the parser makes a few dozen of these per line, and the common
 * case is a compare and an add. */
static inline void *arena_alloc(struct arena *a, size_t n)
{
    n = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
    if (n - 1 < (size_t)(a->limit - a->next)) {    /* n - 1: 0 goes the slow way */
        void *p = a->next;
        a->next += n;
        return p;
    }
    return arena_alloc_slow(a, n);
}
/* Zeroed N bytes. */
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
