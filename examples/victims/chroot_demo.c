/* chroot_demo.c -- chroot(DIR): from now on "/" means DIR for this process
 * and its children.  It lists "/" before and after, tries a file outside
 * the new root, and, if DIR/bin/sh exists, execs COMMAND... inside.
 * Needs root (CAP_SYS_CHROOT): says so in one line otherwise. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The names in "/" (sorted, a few), on one line. */
static void list_root(const char *when)
{
    DIR *d = opendir("/");
    char names[32][256];
    int n = 0;
    struct dirent *e;
    while (d != NULL && n < 32 && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    if (d != NULL)
        closedir(d);
    qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    printf("%s / holds %d entries:", when, n);
    for (int i = 0; i < n && i < 6; i++)
        printf(" %s", names[i]);
    printf("%s\n", n > 6 ? " ..." : "");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: chroot_demo DIR [COMMAND...]\n");
        return 2;
    }
    list_root("before:");
    if (chroot(argv[1]) < 0) {
        if (errno == EPERM) {
            printf("chroot_demo: chroot needs root (CAP_SYS_CHROOT): skipped\n");
            return 0;
        }
        fprintf(stderr, "chroot_demo: chroot %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if (chdir("/") < 0) {       /* or the old directory stays reachable through "." */
        perror("chroot_demo: chdir");
        return 1;
    }
    list_root("after chroot:");
    printf("after chroot: /etc/passwd %s\n",
           access("/etc/passwd", F_OK) == 0 ? "exists (the new root has one)" : "is not there");
    printf("after chroot: still pid %ld\n", (long)getpid());
    fflush(stdout);
    if (argc > 2) {
        execv(argv[2], argv + 2);
        fprintf(stderr, "chroot_demo: %s: %s\n", argv[2], strerror(errno));
        return 127;
    }
    return 0;
}
