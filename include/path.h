/*
 * path.h -- finding a command in PATH, remembering why a search failed so
 * that "not found" (127) and "cannot execute" (126) are told apart.
 *
 * Owns: the PATH walk and its cache (`hash`).
 * Never: forks or execs.
 */
#ifndef MINISH_PATH_H
#define MINISH_PATH_H

/*
 * Find NAME (no '/') in PATHVAR.  Returns a heap string with the full path of
 * the first executable regular file, or NULL with errno = ENOENT (nothing
 * found) or EACCES (found, but not executable).
 */
char *path_search(const char *name, const char *pathvar);

/*
 * Search for NAME now, in the shell, for a child about to be forked: its
 * own path_search of NAME takes the result without checking the file
 * again.  The shell calls path_cool() once it has forked.
 */
void path_warm(const char *name, const char *pathvar);
void path_cool(void);

/* Forget the cache (after PATH is assigned, `cd`, or `hash -r`). */
void path_forget(void);
/* Call FN with the full path of each remembered command (`hash`). */
void path_foreach(void (*fn)(const char *full, void *ctx), void *ctx);

#endif
