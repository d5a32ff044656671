/*
 * prompt.h -- turning PS1/PS2 into the text shown before a line is read:
 * bash-style backslash escapes (\u \h \w \$ ...), then parameter expansion.
 *
 * Owns: the escape table and the default prompt's look.
 * Never: reads input or touches the terminal.
 */
#ifndef MINISH_PROMPT_H
#define MINISH_PROMPT_H

#include <stdbool.h>

#include "strbuf.h"

struct shell;

/*
 * Append TEXT to OUT with its backslash escapes replaced:
 *   \u user  \h host  \H host.domain  \w $PWD with ~ for $HOME  \W its last part
 *   \$ '#' for root, else '$'  \j number of jobs  \? last status  \s shell name
 *   \t HH:MM:SS  \T 12-hour time  \d "Tue May 26"  \n newline  \e escape
 *   \a bell  \\ backslash  \NNN octal byte  \[ \] around non-printing text
 * \[ and \] become readline's invisible-text markers (\001, \002).  An unknown
 * escape is kept as is.  With FOR_EXPANSION, every '$' that an escape puts
 * in (\$, or a directory called '$x') is written as the byte \037, which
 * prompt_render turns back into '$' after parameter expansion, so it is
 * shown as it is.
 */
void prompt_escapes(struct shell *sh, const char *text, struct strbuf *out, bool for_expansion);

/* The prompt for PS (the value of PS1 or PS2; NULL is ""): escapes, then
 * parameter expansion and command substitution.  A heap string.  $? is
 * left as it was, even if the expansion failed. */
char *prompt_render(struct shell *sh, const char *ps);

#endif
