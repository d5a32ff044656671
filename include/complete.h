/*
 * complete.h -- Tab completion for readline: command names in command
 * position, $variables, ~users, and file names elsewhere.
 *
 * Owns: the cache of executable names found on PATH (rebuilt when PATH's
 *       value changes).
 * Never: runs or expands anything.
 */
#ifndef MINISH_COMPLETE_H
#define MINISH_COMPLETE_H

struct shell;

/* Install minish's completion into readline (call once, before reading). */
void complete_init(struct shell *sh);
/* Forget the PATH cache. */
void complete_free(void);

#endif
