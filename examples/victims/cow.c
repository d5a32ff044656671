/* cow.c -- copy-on-write, measured.  Maps a 4 MiB buffer, fills it, forks,
 * and prints how much of the buffer each process shares with the other and
 * how much is private (from /proc/self/smaps: the buffer's own mapping),
 * before fork, after fork, and after the child writes to 1 MiB of it.
 * The two processes take turns through pipes, so the output is in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define SIZE (4UL << 20)
#define WRITTEN (1UL << 20)

/* Print WHO's view of the mapping at BUF: Rss, Shared_* and Private_* in KiB. */
static void report(const char *who, const void *buf)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (f == NULL) {
        perror("cow: /proc/self/smaps");
        exit(1);
    }
    char line[256];
    unsigned long lo, hi, v, shared = 0, priv = 0;
    int inside = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' ')) {
            inside = lo == (unsigned long)buf;
            continue;
        }
        if (!inside)
            continue;
        if (sscanf(line, "Shared_Clean: %lu", &v) == 1 || sscanf(line, "Shared_Dirty: %lu", &v) == 1)
            shared += v;
        if (sscanf(line, "Private_Clean: %lu", &v) == 1 || sscanf(line, "Private_Dirty: %lu", &v) == 1)
            priv += v;
    }
    fclose(f);
    printf("%-34s shared %5lu KiB   private %5lu KiB\n", who, shared, priv);
    fflush(stdout);
}

/* Block until the other process writes a byte to FD. */
static void await(int fd)
{
    char c;
    if (read(fd, &c, 1) != 1)
        exit(1);
}

static void go(int fd)
{
    if (write(fd, "x", 1) != 1)
        exit(1);
}

int main(void)
{
    char *buf = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        perror("cow: mmap");
        return 1;
    }
    madvise(buf, SIZE, MADV_NOHUGEPAGE);   /* 4 KiB pages, copied one by one */
    memset(buf, 'p', SIZE);                 /* every page is now really there */
    report("parent, before fork:", buf);
    int to_child[2], to_parent[2];
    if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
        perror("cow: pipe");
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("cow: fork");
        return 1;
    }
    if (pid == 0) {
        await(to_child[0]);
        report("child, after fork:", buf);
        memset(buf, 'c', WRITTEN);          /* each page written is copied first */
        report("child, after writing 1 MiB:", buf);
        printf("child reads '%c' at the start of the buffer\n", buf[0]);
        fflush(stdout);
        go(to_parent[1]);
        await(to_child[0]);                 /* stay alive while the parent looks */
        _exit(0);
    }
    report("parent, after fork:", buf);
    go(to_child[1]);
    await(to_parent[0]);
    report("parent, after the child wrote:", buf);
    printf("parent still reads '%c' there: its own copy\n", buf[0]);
    go(to_child[1]);
    waitpid(pid, NULL, 0);
    return 0;
}
