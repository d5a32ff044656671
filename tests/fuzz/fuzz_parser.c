/*
 * fuzz_parser.c -- libFuzzer target: arbitrary bytes through the lexer and
 * the parser (parser_new_string + parser_all), then the whole arena freed.
 *
 * Owns: nothing but the harness.  Never: runs or expands what it parses.
 * Built by tests/fuzz/build.sh; see docs/reliability.md.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "parser.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);      /* the parser takes a C string: a NUL ends it */
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct parser *p = parser_new_string(text);
    struct arena *a = arena_new();
    struct node *tree = NULL;
    if (parser_all(p, a, &tree) == PARSE_OK && tree != NULL) {
        /* also walk the tree the way `jobs` and `type` do */
        struct strbuf sb = STRBUF_INIT;
        ast_text(&sb, tree);
        sb_free(&sb);
    }
    arena_unref(a);
    parser_free(p);
    free(text);
    return 0;
}
