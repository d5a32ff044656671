/*
 * history.h -- the command history of an interactive shell: readline's
 * history list, the history file, and the `history` builtin.
 *
 * Owns: the history file (HISTFILE, default ~/.minish_history, mode 0600)
 *       and how many entries it keeps (HISTSIZE, default 500).
 * Never: reads lines from the terminal (input.c does) or decides when the
 *        shell exits.
 */
#ifndef MINISH_HISTORY_H
#define MINISH_HISTORY_H

struct shell;

/* Load the history file into the list and limit the list to HISTSIZE.
 * A missing or unreadable file is not an error (a new shell has none). */
void history_init(struct shell *sh);

/* Add one command (its lines joined with '\n') to the list.  Empty
 * entries and an entry equal to the previous one are skipped. */
void history_add_entry(const char *entry);

/* The number of the entry holding the command being run (the last one
 * history_add_entry was given), or 0.  fc leaves it out of its ranges. */
int history_running_entry(void);
/* Remove the newest entry (fc replaces its own line by what it runs). */
void history_drop_newest(void);

/*
 * Append the entries added since the last save to the history file,
 * creating it with mode 0600 whatever the umask, then cut it to HISTSIZE
 * lines.  Does nothing if history_init was not called (non-interactive
 * shells) or HISTFILE is set but empty.  Safe to call more than once
 * (at exit, and on SIGHUP).
 */
void history_save(struct shell *sh);

/* Free the history list (at shell_free, so valgrind sees no leak). */
void history_free(void);

/* The `history` builtin: `history` lists, `history N` the last N, `history -c` clears. */
int history_builtin(struct shell *sh, int argc, char **argv);

#endif
