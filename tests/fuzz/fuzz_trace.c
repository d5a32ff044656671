/*
 * fuzz_trace.c -- libFuzzer target: arbitrary bytes as one line of a JSON
 * Lines trace, read by trace_jsonl_parse (as --from-trace does).
 *
 * Owns: nothing but the harness.  Never: touches a file.
 * A line that is accepted is written back with trace_jsonl_format, which
 * must give a line that is accepted again, with no '<' '>' '&' in it (it
 * goes inside the page's <script> element).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trace_jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size + 1);
    size_t cap = size * 6 + 512;
    char *out = malloc(cap);
    if (line == NULL || out == NULL) {
        free(line);
        free(out);
        return 0;
    }
    memcpy(line, data, size);
    line[size] = '\0';
    struct trace_rec r;
    char why[200];
    if (trace_jsonl_parse(line, &r, why, sizeof why) == 0) {
        size_t n = trace_jsonl_format(out, cap, &r);
        out[n - 1] = '\0';                              /* the newline */
        if (strpbrk(out, "<>&") != NULL || trace_jsonl_parse(out, &r, why, sizeof why) != 0)
            abort();
    }
    free(line);
    free(out);
    return 0;
}
