/*
 * trace_html.h -- the trace as one self-contained web page (--trace-html):
 * the JSON Lines events embedded as data, plus the viewer in src/viewer/
 * (plain JavaScript and SVG) that steps through them.
 *
 * Owns: the page's layout on disk, the live session's page, converting a
 *       recorded JSONL trace (--from-trace), and watching for zombies.
 * Never: prints messages (callers do, from the errno or text it returns),
 *        or changes what the shell does.
 */
#ifndef MINISH_TRACE_HTML_H
#define MINISH_TRACE_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "trace.h"

/*
 * Start the session's page at PATH (created, truncated): every event from
 * now on, in this process and its children, goes into it, and the page is
 * rewritten at the end of each top-level command and at exit.  One page per
 * session: -1 with errno EBUSY if one is open already.  EACH_COMMAND
 * (an interactive session) rewrites the page after every top-level
 * command; otherwise only before an exec of the shell and at exit.
 * Returns 0, or -1 with errno set.
 */
int trace_html_open(const char *path, bool each_command);
/* Stop adding events (set +o trace-html); the page keeps what it has. */
void trace_html_close(void);
/* The session's page (also after set +o trace-html), or NULL. */
const char *trace_html_path(void);
/* True while events go into the page. */
bool trace_html_recording(void);

/* One event EV of top-level command JOB (0: none) whose text is NODE, from
 * trace_record in the process that made the call. */
void trace_html_record(const struct trace_event *ev, int job, const char *node);
/* Top-level command JOB with text TEXT starts; it ends with STATUS. */
void trace_html_command_begin(int job, const char *text);
void trace_html_command_end(void);

/*
 * Turn the JSONL trace in file IN into a page at OUT.  Nothing is written
 * if IN is unreadable or malformed.  Returns 0, or -1 with the reason in
 * WHY ("line 3: key \"pid\" is missing", or "t.jsonl: No such file...").
 */
int trace_html_convert(const char *in, const char *out, char *why, size_t whylen);

#endif
