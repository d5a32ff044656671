/*
 * trace_jsonl.h -- one event of the JSON Lines trace (docs/trace-format.md)
 * as data: read and checked from a line, or written back as a line.
 *
 * Owns: the grammar of one trace line (a flat JSON object) and its checks.
 * Never: reads files or opens descriptors; callers hand it lines.
 */
#ifndef MINISH_TRACE_JSONL_H
#define MINISH_TRACE_JSONL_H

#include <stdbool.h>
#include <stddef.h>

/* One event.  The strings point into the line it was read from (or
 * anywhere, for writing); NULL stands for JSON null. */
struct trace_rec {
    char time[40];          /* the number as written: "1700000000.123456" */
    long pid, ppid;
    const char *call, *args, *err, *detail, *reason, *node;
    bool has_result, has_job;
    long result, job;
};

/*
 * Read LINE (one JSON object, no newline) into R, decoding its strings in
 * place.  Returns 0, or -1 with a plain-words reason in WHY ("key \"pid\" is
 * missing").  Keys other than the trace's are allowed and ignored.
 */
int trace_jsonl_parse(char *line, struct trace_rec *r, char *why, size_t whylen);

/*
 * R as one JSON line with its newline, into BUF (CAP bytes, at least 512).
 * Strings too long for BUF are cut, so the line is always valid JSON.  The
 * characters < > & are written as \u003c \u003e \u0026, so the line can sit
 * inside an HTML <script> element.  Returns the length written.
 */
size_t trace_jsonl_format(char *buf, size_t cap, const struct trace_rec *r);
/* S (NULL: null) as a JSON string written the same HTML-safe way, cut to
 * fit CAP (at least 16).  Returns the length written. */
size_t trace_jsonl_quote(char *buf, size_t cap, const char *s);

#endif
