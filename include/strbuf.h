/*
 * strbuf.h -- a growable, always NUL-terminated character buffer.
 *
 * Owns: its heap buffer (free with sb_free, or take it with sb_detach).
 * Never: interprets what it holds.
 */
#ifndef MINISH_STRBUF_H
#define MINISH_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *buf;      /* NUL-terminated once anything was added; NULL when empty and new */
    size_t len;     /* bytes used, not counting the NUL */
    size_t cap;     /* bytes allocated */
};

#define STRBUF_INIT { NULL, 0, 0 }

/* sb_putc when there is no room: grows the buffer, then adds C. */
void sb_putc_grow(struct strbuf *sb, char c);

/* Add one byte.  Inline: `read` and the expander add text a byte at a
 * time, and the common case is a store. */
static inline void sb_putc(struct strbuf *sb, char c)
{
    if (sb->len + 2 > sb->cap) {
        sb_putc_grow(sb, c);
        return;
    }
    sb->buf[sb->len++] = c;
    sb->buf[sb->len] = '\0';
}
/* Make room for N more bytes and the NUL, for a caller that writes them
 * into buf itself (then sets len and the NUL). */
void sb_reserve(struct strbuf *sb, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text so far: never NULL ("" for an empty buffer). */
const char *sb_str(const struct strbuf *sb);
/* Empty the buffer but keep its memory. */
static inline void sb_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}
/* Hand the heap string to the caller (never NULL) and empty the buffer. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
