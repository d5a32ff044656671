/*
 * trace.h -- the machine-readable side of the teaching trace: every event
 * sys.c narrates, also as JSON Lines (--trace-file), as a Graphviz
 * picture of each top-level command (--trace-dot), and handed on to
 * trace_html.h for the web page (--trace-html).
 *
 * Owns: the JSON Lines format (docs/trace-format.md), the DOT pictures,
 *       numbering top-level commands, and step mode's pause.
 * Never: makes a process or descriptor call of its own other than writing
 *        and reading its private files; it only formats what sys.c reports.
 */
#ifndef MINISH_TRACE_H
#define MINISH_TRACE_H

#include <stdbool.h>
#include <time.h>

/* One narrated call, as sys.c saw it.  Strings may be NULL. */
struct trace_event {
    const char *call;       /* "dup2", "fork", "note", "signal" */
    const char *args;       /* "4, 1" (the text between the parentheses) */
    bool has_result;        /* false for a note, or execve before it runs */
    long result;            /* what the call returned */
    const char *err;        /* "EBADF" when result is -1, else NULL */
    const char *detail;     /* "exited 3", "[3, 4]", "(child)" */
    const char *reason;     /* the plain-words WHY */
    long pid, ppid;         /* who made the call (a vfork child's calls are
                             * reported by its parent after the fact) */
    const struct timespec *when;    /* when it was made (the vfork child's
                                     * own clock reading); NULL: now */
};

/*
 * Append events to PATH as JSON Lines (created, truncated; kept on a private
 * close-on-exec descriptor above 9).  Returns 0, or -1 with errno set.
 */
int trace_jsonl_open(const char *path);
/*
 * Write a Graphviz digraph of each top-level command that started a
 * process.  PATH with "%d" gets one file per command (the number
 * substituted); otherwise all the digraphs go to PATH, one after another.
 * Returns 0, or -1 with errno set.
 */
int trace_dot_open(const char *path);
/* True if a JSONL, DOT or HTML sink is open or step mode is on (sys.c then
 * reports every call, and callers format their WHY strings). */
bool trace_active(void);

/* Record one event (from sys.c, in the process that made the call). */
void trace_record(const struct trace_event *ev);

/* A top-level command TEXT starts / ends with STATUS.  Nested calls (eval,
 * `.`) are counted and ignored: the picture belongs to the outermost. */
void trace_command_begin(const char *text);
void trace_command_end(int status);
/* The top-level shell is about to execve in place: draw the picture now. */
void trace_exec_in_place(void);

/* Step mode: pause on TTY (a descriptor, -1: off) before fork, exec, wait. */
void trace_step_set(int tty);
/* If step mode is on, say WHAT is about to happen in process PID and wait
 * for Enter on the terminal. */
void trace_step(const char *what, long pid);
/* Step mode, before a blocking wait: the shell's last pause before its
 * children in line may pause (see trace_turn_forked). */
void trace_step_wait(const char *what);
/* Step mode's turns, so that one prompt is on screen at a time.  Before
 * forking a child that will pause (a foreground one), call
 * trace_turn_prepare(true); after the fork, trace_turn_forked(pid) in both
 * processes.  Without step mode neither makes any call. */
void trace_turn_prepare(bool queued);
void trace_turn_forked(long pid);
/* True in a child that still waits for its turn (it must not take the
 * terminal: the parent hands it over before the child's turn comes). */
bool trace_turn_waiting(void);
/* A child about to run shell code (a builtin, function or compound
 * command) instead of a program: wait for the turn and pass it on now, so
 * that the next in line does not wait for a loop that never pauses. */
void trace_turn_done(void);

#endif
