/*
 * bi_maps.c -- the `maps` teaching builtin: a process image summarised
 * from /proc/PID/maps (program text, read-only data, data, heap, stack,
 * each library, anonymous memory, the kernel's vdso), with sizes.
 *
 * Owns: reading /proc/PID/maps and the summary's format.
 * Never: changes a process (it only looks).
 *
 * Linux only: /proc/PID/maps and /proc/PID/exe are read as files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bi.h"
#include "diag.h"
#include "shell.h"

/* One row of the summary: a kind of region and how much of it there is. */
struct region {
    char kind[12];              /* text, rodata, data, heap, stack, anon, lib, kernel, file */
    char perms[8];              /* r-x, ... ("mixed" for a library's several mappings) */
    char what[160];             /* the file, or the kernel's [name] */
    unsigned long kib;
    int mappings;
};

#define MAX_REGIONS 64

struct image {
    struct region r[MAX_REGIONS];
    size_t n;
    unsigned long total_kib;
};

/* The row for (KIND, WHAT), made if new; NULL when the table is full. */
static struct region *image_row(struct image *im, const char *kind, const char *perms,
                                const char *what)
{
    for (size_t i = 0; i < im->n; i++) {
        struct region *g = &im->r[i];
        if (strcmp(g->kind, kind) == 0 && strcmp(g->what, what) == 0) {
            if (strcmp(g->perms, perms) != 0)
                snprintf(g->perms, sizeof g->perms, "mixed");
            return g;
        }
    }
    if (im->n == MAX_REGIONS)
        return NULL;
    struct region *g = &im->r[im->n++];
    memset(g, 0, sizeof *g);
    snprintf(g->kind, sizeof g->kind, "%s", kind);
    snprintf(g->perms, sizeof g->perms, "%s", perms);
    snprintf(g->what, sizeof g->what, "%s", what);
    return g;
}

/* The kind of one mapping of a process whose program is EXE. */
static const char *region_kind(const char *perms, const char *path, const char *exe)
{
    if (strcmp(path, "[heap]") == 0)
        return "heap";
    if (strcmp(path, "[stack]") == 0)
        return "stack";
    if (path[0] == '[')
        return "kernel";        /* [vdso] [vvar] [vsyscall]: the kernel's pages */
    if (path[0] == '\0')
        return "anon";          /* the end of .bss, big malloc()s, thread stacks */
    if (strcmp(path, exe) == 0)
        return perms[2] == 'x' ? "text" : perms[1] == 'w' ? "data" : "rodata";
    if (strstr(path, ".so") != NULL)
        return "lib";
    return "file";
}

/* Read /proc/PID/maps into IM.  -1 (errno set) if unreadable. */
static int image_read(long pid, struct image *im)
{
    char path[64], exe[160] = "";
    snprintf(path, sizeof path, "/proc/%ld/exe", pid);
    ssize_t len = readlink(path, exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = '\0';
    snprintf(path, sizeof path, "/proc/%ld/maps", pid);
    FILE *f = fopen(path, "re");
    if (f == NULL)
        return -1;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long lo, hi;
        char perms[8], file[256] = "";
        /* "lo-hi perms offset dev inode   path" */
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255[^\n]", &lo, &hi, perms, file) < 3)
            continue;
        perms[3] = '\0';        /* drop p/s (private or shared) */
        const char *kind = region_kind(perms, file, exe);
        const char *base = strrchr(file, '/');
        const char *what = strcmp(kind, "lib") == 0 && base != NULL ? base + 1
                           : strcmp(kind, "file") == 0 ? "other mapped files" : file;
        struct region *g = image_row(im, kind, perms, what[0] != '\0' ? what : "(anonymous)");
        if (g != NULL) {
            g->kib += (hi - lo) / 1024;
            g->mappings++;
        }
        im->total_kib += (hi - lo) / 1024;
    }
    fclose(f);
    return 0;
}

/* What a kind of region holds, in a few words. */
static const char *region_says(const char *kind)
{
    static const char *const says[][2] = {
        {"text", "the program's machine code"},
        {"rodata", "its constants and headers"},
        {"data", "its global variables (.data, .bss)"},
        {"heap", "malloc()'s memory, grown by brk"},
        {"stack", "the main thread's stack: frames, argv, environ"},
        {"anon", "anonymous memory: big malloc()s, .bss tail"},
        {"lib", "a shared library: code and data"},
        {"kernel", "pages the kernel maps in (fast gettimeofday)"},
        {"file", "locale data, caches, ..."},
    };
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        if (strcmp(says[i][0], kind) == 0)
            return says[i][1];
    return "";
}

/* Print IM grouped in a fixed order of kinds. */
static void image_print(const struct image *im)
{
    static const char *const order[] = {"text", "rodata", "data", "heap", "stack",
                                        "anon", "lib", "file", "kernel"};
    printf("%-7s %10s  %-5s %s\n", "REGION", "SIZE", "PERMS", "WHAT");
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        for (size_t i = 0; i < im->n; i++) {
            const struct region *g = &im->r[i];
            if (strcmp(g->kind, order[k]) != 0)
                continue;
            bool named = strcmp(g->kind, "lib") == 0 || strcmp(g->kind, "file") == 0
                         || strcmp(g->kind, "kernel") == 0;
            printf("%-7s %6lu KiB  %-5s %s%s%s\n", g->kind, g->kib, g->perms,
                   named ? g->what : "", named ? ": " : "", region_says(g->kind));
        }
    }
    printf("%-7s %6lu KiB\n", "total", im->total_kib);
}

/* maps [PID|%job] -- the process image of PID (default: this process). */
int bi_maps(struct shell *sh, int argc, char **argv)
{
    if (argc > 2) {
        diag_error("maps", "usage: maps [pid|%%job]");
        return 2;
    }
    long pid = (long)getpid();
    if (argc == 2 && (pid = teach_pid_arg(sh, "maps", argv[1])) < 0)
        return argv[1][0] == '%' ? 1 : 2;
    struct image *im = xmalloc(sizeof *im);
    im->n = 0;
    im->total_kib = 0;
    int status = 0;
    if (image_read(pid, im) < 0) {
        diag_error("maps", "%ld: %s", pid, strerror(errno));
        status = 1;
    } else {
        char exe[64], prog[160] = "";
        snprintf(exe, sizeof exe, "/proc/%ld/exe", pid);
        ssize_t len = readlink(exe, prog, sizeof prog - 1);
        prog[len > 0 ? len : 0] = '\0';
        printf("process %ld%s: %s\n", pid,
               pid == (long)sh->pid ? " (this shell)"
               : pid == (long)getpid() ? " (a subshell: a forked copy of the shell)" : "",
               prog[0] != '\0' ? prog : "(no program: a zombie or a kernel thread)");
        image_print(im);
    }
    free(im);
    return status;
}
