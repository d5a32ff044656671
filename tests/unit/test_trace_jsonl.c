/*
 * test_trace_jsonl.c -- reading and writing one line of the JSON Lines
 * trace (docs/trace-format.md), as --from-trace and --trace-html do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "trace_jsonl.h"

static const char good[] =
    "{\"time\":1700000000.123456,\"pid\":4100,\"ppid\":4000,\"call\":\"pipe\",\"args\":\"\","
    "\"result\":0,\"errno\":null,\"detail\":\"[3, 4]\",\"reason\":\"pipe after 'ls'\","
    "\"job\":1,\"node\":\"ls | wc -l\"}";

/* Parse TEXT (copied); returns 0 or -1 and leaves the reason in WHY. */
static int parse(const char *text, struct trace_rec *r, char *why)
{
    static char line[4096];
    snprintf(line, sizeof line, "%s", text);
    return trace_jsonl_parse(line, r, why, 200);
}

static void reads_every_key(void **state)
{
    (void)state;
    struct trace_rec r;
    char why[200];
    assert_int_equal(parse(good, &r, why), 0);
    assert_string_equal(r.time, "1700000000.123456");
    assert_int_equal(r.pid, 4100);
    assert_int_equal(r.ppid, 4000);
    assert_string_equal(r.call, "pipe");
    assert_string_equal(r.args, "");
    assert_true(r.has_result);
    assert_int_equal(r.result, 0);
    assert_null(r.err);
    assert_string_equal(r.detail, "[3, 4]");
    assert_string_equal(r.reason, "pipe after 'ls'");
    assert_true(r.has_job);
    assert_int_equal(r.job, 1);
    assert_string_equal(r.node, "ls | wc -l");
}

static void decodes_escapes(void **state)
{
    (void)state;
    struct trace_rec r;
    char why[200];
    char text[600];
    snprintf(text, sizeof text, "%.*s\"note\",\"args\":null,\"result\":null,\"errno\":null,"
             "\"detail\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\",\"reason\":null,\"job\":null,"
             "\"node\":null,\"extra\":[1]}", (int)(strstr(good, "\"pipe\"") - good), good);
    assert_int_equal(parse(text, &r, why), -1);     /* an array: never in a trace */
    assert_non_null(strstr(why, "\"extra\""));
    char *end = strstr(text, ",\"extra\"");
    strcpy(end, ",\"extra\":true}");
    assert_int_equal(parse(text, &r, why), 0);
    assert_string_equal(r.detail, "a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80");
    assert_false(r.has_result);
    assert_false(r.has_job);
    assert_null(r.node);
}

/* Each broken line, and the start of the reason it must give. */
static void rejects_broken_lines(void **state)
{
    (void)state;
    static const struct {
        const char *line, *why;
    } cases[] = {
        {"", "expected '{'"},
        {"garbage", "expected '{'"},
        {"{\"time\":1700000000.1,\"pid\":41", "expected ',' or '}'"},
        {"{\"time\":1700000000.1,\"pid\":4100,\"ppid\":4000,\"call\":\"pi", "the line ends inside"},
        {"{\"time\":1,\"pid\":\"x\"", "\"pid\" must be a number"},
        {"{\"time\":1,\"pid\":1.5", "\"pid\" must be a whole number"},
        {"{\"time\":1,\"time\":2", "key \"time\" appears twice"},
        {"{\"time\":1,\"pid\":1,\"ppid\":1,\"call\":null", "\"call\" must be a string,"},
        {"{\"time\":1} x", "text after the end"},
        {"{\"time\":1}", "key \"pid\" is missing"},
        {"{\"time\":1,\"call\":\"a\\qb\"}", "unknown escape"},
        {"{\"time\":1,\"call\":\"a\tb\"}", "a string contains the control"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct trace_rec r;
        char why[200];
        assert_int_equal(parse(cases[i].line, &r, why), -1);
        if (strncmp(why, cases[i].why, strlen(cases[i].why)) != 0)
            fail_msg("line %zu: got \"%s\", want \"%s...\"", i, why, cases[i].why);
    }
}

static void writes_what_it_reads(void **state)
{
    (void)state;
    struct trace_rec r, back;
    char why[200], out[1024];
    assert_int_equal(parse(good, &r, why), 0);
    size_t n = trace_jsonl_format(out, sizeof out, &r);
    assert_int_equal(out[n - 1], '\n');
    out[n - 1] = '\0';
    assert_string_equal(out, good);     /* the shell's own order and spelling */
    assert_int_equal(parse(out, &back, why), 0);
    assert_string_equal(back.reason, r.reason);
}

/* "</script>" inside the data would end the page's script element. */
static void writes_html_safe(void **state)
{
    (void)state;
    struct trace_rec r = {.time = "1", .pid = 1, .ppid = 0, .call = "note",
                          .detail = "</script><b>&"};
    char out[1024], why[200];
    trace_jsonl_format(out, sizeof out, &r);
    assert_null(strchr(out, '<'));
    assert_null(strchr(out, '>'));
    assert_null(strchr(out, '&'));
    out[strlen(out) - 1] = '\0';
    assert_int_equal(parse(out, &r, why), 0);
    assert_string_equal(r.detail, "</script><b>&");
}

/* A string too long for the buffer is cut, and the line stays valid. */
static void cuts_long_strings(void **state)
{
    (void)state;
    static char big[5000], out[600];
    memset(big, '"', sizeof big - 1);
    struct trace_rec r = {.time = "1", .pid = 1, .ppid = 0, .call = "execve", .args = big,
                          .reason = big, .node = big};
    char why[200];
    size_t n = trace_jsonl_format(out, sizeof out, &r);
    assert_true(n < sizeof out);
    assert_int_equal(out[n - 1], '\n');
    out[n - 1] = '\0';
    assert_int_equal(parse(out, &r, why), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_every_key),
        cmocka_unit_test(decodes_escapes),
        cmocka_unit_test(rejects_broken_lines),
        cmocka_unit_test(writes_what_it_reads),
        cmocka_unit_test(writes_html_safe),
        cmocka_unit_test(cuts_long_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
