/*
 * bi_ulimit.c -- `ulimit`: show and set the shell's resource limits
 * (getrlimit/setrlimit), which every command started later inherits.
 *
 * Owns: the table of resources, their units, dash's output format.
 * Never: forks; a limit set here applies to the shell itself too.
 *
 * ulimit [-H|-S] [-a | -c|-d|-f|-n|-s|-t|-u|-v [limit]]
 *   -f (file blocks of 512 bytes) is the default, as POSIX says.  Without -H
 *   or -S, showing reads the soft limit and setting sets both, as in dash.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bi.h"
#include "diag.h"

struct ulimit_res {
    char opt;               /* the option letter */
    const char *label;      /* what -a prints before the value */
    int resource;           /* RLIMIT_... */
    rlim_t unit;            /* bytes (or 1) per unit shown */
};

static const struct ulimit_res ulimit_table[] = {
    { 't', "time(seconds)", RLIMIT_CPU, 1 },
    { 'f', "file(blocks)", RLIMIT_FSIZE, 512 },
    { 'd', "data(kbytes)", RLIMIT_DATA, 1024 },
    { 's', "stack(kbytes)", RLIMIT_STACK, 1024 },
    { 'c', "coredump(blocks)", RLIMIT_CORE, 512 },
#ifdef RLIMIT_NPROC
    { 'u', "process", RLIMIT_NPROC, 1 },
#endif
    { 'n', "nofiles", RLIMIT_NOFILE, 1 },
    { 'v', "vmemory(kbytes)", RLIMIT_AS, 1024 },
};

enum { ULIMIT_NRES = sizeof ulimit_table / sizeof ulimit_table[0] };
enum { UL_HARD = 1, UL_SOFT = 2 };

static const struct ulimit_res *ulimit_find(char opt)
{
    for (size_t i = 0; i < ULIMIT_NRES; i++)
        if (ulimit_table[i].opt == opt)
            return &ulimit_table[i];
    return NULL;
}

/* Print one limit in its unit ("unlimited" or a number).  Returns 0 or 1. */
static int ulimit_show(const struct ulimit_res *r, unsigned which, bool label)
{
    struct rlimit rl;
    if (getrlimit(r->resource, &rl) < 0) {
        diag_error("ulimit", "%s", strerror(errno));
        return 1;
    }
    rlim_t v = (which & UL_HARD) ? rl.rlim_max : rl.rlim_cur;
    if (label)
        printf("%-20s ", r->label);
    if (v == RLIM_INFINITY)
        puts("unlimited");
    else
        printf("%" PRIuMAX "\n", (uintmax_t)(v / r->unit));
    return 0;
}

/* Parse "unlimited" or a decimal count of units.  -1 if it is neither. */
static int ulimit_parse(const struct ulimit_res *r, const char *s, rlim_t *out)
{
    if (strcmp(s, "unlimited") == 0) {
        *out = RLIM_INFINITY;
        return 0;
    }
    char *end;
    errno = 0;
    uintmax_t n = strtoumax(s, &end, 10);
    if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0 || n > UINTMAX_MAX / r->unit)
        return -1;
    *out = (rlim_t)(n * r->unit);
    return 0;
}

/* Set the soft and/or hard limit of R to VALUE.  Returns 0, 1 or 2. */
static int ulimit_set(const struct ulimit_res *r, unsigned which, const char *value)
{
    struct rlimit rl;
    rlim_t v;
    if (ulimit_parse(r, value, &v) < 0) {
        diag_error("ulimit", "%s: bad number", value);
        return 2;
    }
    if (getrlimit(r->resource, &rl) < 0) {
        diag_error("ulimit", "%s", strerror(errno));
        return 1;
    }
    if (which & UL_HARD)
        rl.rlim_max = v;
    if (which & UL_SOFT)
        rl.rlim_cur = v;
    if (setrlimit(r->resource, &rl) < 0) {
        diag_error("ulimit", "error setting limit (%s)", strerror(errno));
        return 2;
    }
    return 0;
}

/* Read the options: -H/-S into *which, -a into *all, the resource into *res. */
static int ulimit_options(int argc, char **argv, unsigned *which, bool *all,
                          const struct ulimit_res **res)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        for (const char *p = argv[i] + 1; *p != '\0'; p++) {
            if (*p == 'H' || *p == 'S') {
                *which |= *p == 'H' ? UL_HARD : UL_SOFT;
            } else if (*p == 'a') {
                *all = true;
            } else if ((*res = ulimit_find(*p)) == NULL) {
                diag_error("ulimit", "Illegal option -%c", *p);
                return -1;
            }
        }
    }
    return i;
}

/*
 * ulimit [-H|-S] [-a | -RESOURCE [limit]] -- show or set a resource limit.
 * Status 0, 1 (cannot read), 2 (usage, bad number, or refused by the kernel).
 */
int bi_ulimit(struct shell *sh, int argc, char **argv)
{
    (void)sh;
    unsigned which = 0;
    bool all = false;
    const struct ulimit_res *res = &ulimit_table[1];   /* -f */
    int i = ulimit_options(argc, argv, &which, &all, &res);
    if (i < 0)
        return 2;
    if (all) {
        int status = 0;
        for (size_t k = 0; k < ULIMIT_NRES; k++)
            status |= ulimit_show(&ulimit_table[k], which, true);
        return status;
    }
    if (i >= argc)
        return ulimit_show(res, which, false);
    if (i + 1 < argc) {
        diag_error("ulimit", "too many arguments");
        return 2;
    }
    return ulimit_set(res, which != 0 ? which : UL_HARD | UL_SOFT, argv[i]);
}
