/*
 * complete.c -- what Tab offers: command names (builtins, functions,
 * aliases, reserved words, executables on PATH) for the first word of a
 * command, $NAME for variables, ~user for home directories, and file
 * names everywhere else (readline's own completer).
 *
 * Owns: the list of executables on PATH, cached and rebuilt only when the
 *       value of PATH changes (reading every PATH directory on each Tab
 *       would be slow).
 * Never: runs or expands anything.
 *
 * readline's completion hooks take no context pointer, so the shell and
 * the candidate list live in file-scope variables.
 */
#include "complete.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/readline.h>

#include "builtins.h"
#include "diag.h"
#include "funcs.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

/* A sorted list of names without duplicates. */
struct namelist {
    char **names;
    size_t len, cap;
};

static struct shell *complete_sh;     /* the shell whose tables we complete from */
static struct namelist path_cache;    /* executables on PATH */
static char *path_cache_key;          /* the PATH value path_cache was built for */
static struct namelist candidates;    /* the current Tab's candidates */
static size_t next_candidate;         /* the generator's position in candidates */

static const char *const reserved_words[] = {
    "!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in",
    "then", "until", "while", "{", "}", NULL
};

/* ==== Name lists ==== */

static void names_add(struct namelist *l, const char *name)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->names = xrealloc(l->names, l->cap * sizeof *l->names);
    }
    l->names[l->len++] = xstrdup(name);
}

static int names_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates (a name in two PATH directories, a builtin that is also a file). */
static void names_sort(struct namelist *l)
{
    size_t out = 0;
    if (l->len == 0)
        return;
    qsort(l->names, l->len, sizeof *l->names, names_cmp);
    for (size_t i = 1; i < l->len; i++) {
        if (strcmp(l->names[i], l->names[out]) == 0)
            free(l->names[i]);
        else
            l->names[++out] = l->names[i];
    }
    l->len = out + 1;
}

static void names_clear(struct namelist *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->names[i]);
    free(l->names);
    memset(l, 0, sizeof *l);
}

/* ==== The PATH cache ==== */

static bool is_executable_file(const char *dir, const char *name)
{
    struct strbuf sb = STRBUF_INIT;
    struct stat st;
    sb_printf(&sb, "%s/%s", *dir ? dir : ".", name);
    bool ok = stat(sb.buf, &st) == 0 && S_ISREG(st.st_mode) && access(sb.buf, X_OK) == 0;
    sb_free(&sb);
    return ok;
}

static void scan_dir(struct namelist *l, const char *dir)
{
    DIR *d = opendir(*dir ? dir : ".");     /* an empty PATH entry means the current directory */
    struct dirent *e;
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.' && is_executable_file(dir, e->d_name))
            names_add(l, e->d_name);
    }
    closedir(d);
}

static void path_cache_update(const char *path)
{
    if (path_cache_key != NULL && strcmp(path_cache_key, path) == 0)
        return;
    names_clear(&path_cache);
    free(path_cache_key);
    path_cache_key = xstrdup(path);
    char *copy = xstrdup(path);
    for (char *dir = copy, *colon; dir != NULL; dir = colon ? colon + 1 : NULL) {
        colon = strchr(dir, ':');
        if (colon != NULL)
            *colon = '\0';
        scan_dir(&path_cache, dir);
    }
    free(copy);
    names_sort(&path_cache);
}

/* ==== Candidate lists for one Tab ==== */

static void add_builtin(const char *name, void *ctx)
{
    names_add(ctx, name);
}

static void add_func(const char *name, const struct node *body, void *ctx)
{
    (void)body;
    names_add(ctx, name);
}

static void add_alias(const char *name, const char *value, void *ctx)
{
    (void)value;
    names_add(ctx, name);
}

static void add_var(const char *name, const char *value, unsigned flags, void *ctx)
{
    (void)value;
    (void)flags;
    names_add(ctx, name);
}

static void collect_commands(void)
{
    const char *path = vars_get(complete_sh->vars, "PATH");
    path_cache_update(path != NULL ? path : "");
    names_clear(&candidates);
    for (size_t i = 0; i < path_cache.len; i++)
        names_add(&candidates, path_cache.names[i]);
    for (size_t i = 0; reserved_words[i] != NULL; i++)
        names_add(&candidates, reserved_words[i]);
    builtin_foreach(add_builtin, &candidates);
    funcs_foreach(complete_sh->funcs, add_func, &candidates);
    alias_foreach(complete_sh->aliases, add_alias, &candidates);
    names_sort(&candidates);
}

/* readline's generator protocol: called with STATE 0 first, then >0 until
 * it returns NULL; each match is a malloc'd string readline frees.
 * SKIP is how many leading characters of TEXT are not part of the name
 * ("$" or "${"); they are put back in front of every match. */
static char *generate(const char *text, int state, size_t skip, const char *suffix)
{
    if (state == 0)
        next_candidate = 0;
    size_t len = strlen(text + skip);
    while (next_candidate < candidates.len) {
        const char *name = candidates.names[next_candidate++];
        if (strncmp(name, text + skip, len) != 0)
            continue;
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "%.*s%s%s", (int)skip, text, name, suffix);
        char *match = strdup(sb.buf);   /* readline frees matches with free() */
        sb_free(&sb);
        return match;
    }
    return NULL;
}

static char *command_generator(const char *text, int state)
{
    return generate(text, state, 0, "");
}

static char *var_generator(const char *text, int state)
{
    bool brace = text[1] == '{';
    return generate(text, state, brace ? 2 : 1, brace ? "}" : "");
}

/* ==== Deciding what to complete ==== */

/* Is the word starting at START the command word: first on the line, or
 * right after ; | & ( ` or a reserved word that starts a command? */
static bool in_command_position(const char *line, int start)
{
    int i = start;
    while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))
        i--;
    if (i == 0 || strchr(";|&(`{", line[i - 1]) != NULL)
        return true;
    static const char *const starters[] = { "then", "do", "else", "elif", "if", "while",
                                            "until", "!", NULL };
    for (size_t k = 0; starters[k] != NULL; k++) {
        int n = (int)strlen(starters[k]);
        if (i >= n && strncmp(line + i - n, starters[k], (size_t)n) == 0
            && (i == n || strchr(" \t;|&(", line[i - n - 1]) != NULL))
            return true;
    }
    return false;
}

static char **complete_attempt(const char *text, int start, int end)
{
    (void)end;
    if (text[0] == '$') {
        rl_attempted_completion_over = 1;   /* no file names for a $word */
        names_clear(&candidates);
        vars_foreach(complete_sh->vars, add_var, &candidates);
        return rl_completion_matches(text, var_generator);
    }
    if (text[0] == '~' && strchr(text, '/') == NULL) {
        char **matches = rl_completion_matches(text, rl_username_completion_function);
        rl_filename_quoting_desired = 0;    /* '~root/' quoted would not expand */
        return matches;
    }
    if (strchr(text, '/') == NULL && in_command_position(rl_line_buffer, start)) {
        collect_commands();
        char **matches = rl_completion_matches(text, command_generator);
        if (matches != NULL)
            rl_attempted_completion_over = 1;
        return matches;     /* no command matched: fall back to file names */
    }
    return NULL;            /* readline's file-name completion */
}

/* ==== Quoting file names ==== */

/*
 * Characters that must be quoted in a file name put on the line.  Not '~':
 * it is special only at the start of a word, where it is the user's own
 * `~/` (quoted, it would not expand).
 */
static const char quote_chars[] = " \t\n\\\"'@<>=;|&()#$`?*[!:{";

/*
 * readline's hook to quote a completed name MATCH.  *QUOTE is the quote
 * the user opened the word with (0 if none), and the name is quoted in
 * that style, as bash does: 'it'\''s', "a \$b", or a backslash before
 * each character that needs one.  With several matches (MULT_MATCH) the
 * quote is left open, so that the user can go on typing.
 */
static char *quote_filename(char *match, int match_type, char *quote)
{
    struct strbuf sb = STRBUF_INIT;
    char q = *quote;
    if (q == '\'' || q == '"')
        sb_putc(&sb, q);
    for (const char *s = match; *s != '\0'; s++) {
        if (q == '\'' && *s == '\'')
            sb_puts(&sb, "'\\''");       /* close, an escaped quote, reopen */
        else if (q == '"' && strchr("$`\"\\", *s) != NULL)
            sb_printf(&sb, "\\%c", *s);
        else if (q == 0 && strchr(quote_chars, *s) != NULL)
            sb_printf(&sb, "\\%c", *s);
        else
            sb_putc(&sb, *s);
    }
    if ((q == '\'' || q == '"') && match_type == SINGLE_MATCH)
        sb_putc(&sb, q);
    char *out = strdup(sb.buf);     /* readline frees it with free() */
    sb_free(&sb);
    return out;
}

/* The inverse, for the word typed so far: `my\ fi` names "my fi". */
static char *dequote_filename(char *text, int quote)
{
    struct strbuf sb = STRBUF_INIT;
    for (const char *s = text; *s != '\0'; s++) {
        bool escapes = quote == 0 || (quote == '"' && s[1] != '\0' && strchr("$`\"\\", s[1]));
        if (*s == '\\' && quote != '\'' && s[1] != '\0' && escapes)
            s++;
        sb_putc(&sb, *s);
    }
    char *out = strdup(sb.buf);
    sb_free(&sb);
    return out;
}

/* Is TEXT[INDEX] quoted by a backslash (so a blank there does not end the word)? */
static int char_is_quoted(char *text, int index)
{
    int n = 0;
    while (index - n > 0 && text[index - n - 1] == '\\')
        n++;
    return n % 2 == 1;
}

void complete_init(struct shell *sh)
{
    complete_sh = sh;
    rl_readline_name = "minish";    /* for $if minish in ~/.inputrc */
    rl_attempted_completion_function = complete_attempt;
    /* readline's default breaks minus '{', so that "${NA" reaches us whole,
     * and minus '\\', so that `my\ fi` is one word (char_is_quoted) */
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&(";
    rl_special_prefixes = "$";      /* '$' breaks words but stays in the text we get */
    rl_completer_quote_characters = "'\"";
    rl_filename_quote_characters = quote_chars;
    rl_filename_quoting_function = quote_filename;
    rl_filename_dequoting_function = dequote_filename;
    rl_char_is_quoted_p = char_is_quoted;
}

void complete_free(void)
{
    names_clear(&path_cache);
    names_clear(&candidates);
    free(path_cache_key);
    path_cache_key = NULL;
}
