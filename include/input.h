/*
 * input.h -- where command lines come from: GNU readline on a terminal
 * (history, completion, prompts), a file or pipe otherwise, or a string.
 *
 * Owns: the line buffer, readline's configuration, history and its file.
 * Never: parses; it hands lines to the parser through parse_reader_fn.
 */
#ifndef MINISH_INPUT_H
#define MINISH_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct shell;
struct input;

/* Interactive input on the terminal, through readline. */
struct input *input_readline(struct shell *sh);
/* Lines from descriptor FD (a script or a pipe); the descriptor is closed by input_free. */
struct input *input_fd(struct shell *sh, int fd);
/* Lines from a copy of TEXT (minish -c). */
struct input *input_string(struct shell *sh, const char *text);
void input_free(struct input *in);

/* A parse_reader_fn: the next line, or NULL at end of input.  CTX is the struct input. */
const char *input_read(void *ctx, bool continuation, size_t *len);

/* The parser has a complete command: it becomes one history entry now,
 * before it runs (so `history` lists itself, as in bash).  Files and
 * strings: nothing to do. */
void input_command_done(struct input *in);

/* True when a string (minish -c) has nothing left but blanks: the command
 * just parsed is its last, and may exec its last program in place, as
 * `bash -c` does.  Always false for the terminal and for files. */
bool input_at_end(const struct input *in);

/*
 * Did the user give up the command being continued (PS2)?  Ctrl-C there
 * (INPUT_INTERRUPTED: messages are muted until this call, the command is
 * dropped silently) or Ctrl-D on an empty line (INPUT_ENDED: the parser
 * has reported the unfinished construct).  input_read then answered end
 * of input, so the caller drops the parser's result and starts a new
 * parser.  Answers once; always INPUT_KEPT for files and strings.
 */
enum input_abandon { INPUT_KEPT, INPUT_INTERRUPTED, INPUT_ENDED };
enum input_abandon input_take_abandoned(struct input *in);

#endif
