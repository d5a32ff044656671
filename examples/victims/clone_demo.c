/* clone_demo.c -- clone(2) and its flags: what parent and child share.
 *
 *   clone_demo          a process-like child (flags SIGCHLD, what fork does)
 *                       and a thread-like one (CLONE_VM|CLONE_FS|CLONE_FILES|
 *                       CLONE_SIGHAND|CLONE_THREAD): each changes a variable,
 *                       the directory and the descriptor table; the parent
 *                       says which changes it sees.
 *   clone_demo -u NAME  a child in a new UTS namespace (CLONE_NEWUTS) sets
 *                       its own hostname; the parent's stays.  Needs root
 *                       (CAP_SYS_ADMIN): says so in one line otherwise.
 *   clone_demo -v       vfork (CLONE_VM|CLONE_VFORK): the parent is suspended
 *                       until the child execs. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK_SIZE (256 * 1024)

static int counter = 1;             /* the child sets it to 2 */
static atomic_int thread_done;      /* the thread-like child cannot be waited for */
static char hostname[64];

/* The child: change a variable, the directory and the descriptor table. */
static int child_changes(void *arg)
{
    const char *kind = arg;
    printf("  child (%s): pid %ld, tid %ld: counter = 2, chdir /, open fd\n", kind,
           (long)getpid(), (long)gettid());
    fflush(stdout);
    counter = 2;
    if (chdir("/") < 0)
        perror("chdir");
    int fd = open("/dev/null", O_RDONLY);
    (void)fd;                       /* left open on purpose: does the parent see it? */
    atomic_store(&thread_done, 1);
    return 0;
}

/* The lowest free descriptor number. */
static int next_fd(void)
{
    int fd = open("/dev/null", O_RDONLY);
    close(fd);
    return fd;
}

/* Which of the child's changes the parent sees; BASE: next_fd() before the clone. */
static void parent_sees(const char *kind, long child, int base)
{
    char cwd[256];
    bool moved = getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, "/") == 0;
    printf("  parent: pid %ld; child %s %ld; counter = %d (%s); cwd %s; fd table %s\n",
           (long)getpid(), kind, child, counter, counter == 2 ? "shared" : "own copy",
           moved ? "/ (shared)" : "unchanged (own copy)",
           next_fd() != base ? "shared (the child's open is here)" : "own copy");
}

static int two_children(void)
{
    char *stack = malloc(STACK_SIZE);
    if (stack == NULL)
        return 1;
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("process-like: clone(SIGCHLD) -- what fork() does\n");
    int base = next_fd();
    pid_t pid = clone(child_changes, stack + STACK_SIZE, SIGCHLD, "process-like");
    if (pid < 0 || waitpid(pid, NULL, 0) != pid) {
        perror("clone_demo: clone");
        return 1;
    }
    parent_sees("pid", (long)pid, base);

    printf("thread-like: clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD)\n");
    base = next_fd();
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
    pid_t tid = clone(child_changes, stack + STACK_SIZE, flags, "thread-like");
    if (tid < 0) {
        perror("clone_demo: clone");
        return 1;
    }
    struct timespec tick = {0, 1000 * 1000};
    while (!atomic_load(&thread_done))  /* a thread is not waited for: it says when */
        nanosleep(&tick, NULL);
    nanosleep(&tick, NULL);             /* let it return off its stack */
    parent_sees("tid", (long)tid, base);
    return 0;                           /* the stack is not freed: the thread may still be on it */
}

static int uts_child(void *arg)
{
    if (sethostname(arg, strlen(arg)) < 0) {
        perror("clone_demo: sethostname");
        return 1;
    }
    struct utsname u;
    uname(&u);
    printf("  child in a new UTS namespace: hostname %s\n", u.nodename);
    fflush(stdout);
    return 0;
}

static int uts(const char *name)
{
    char *stack = malloc(STACK_SIZE);
    if (stack == NULL)
        return 1;
    gethostname(hostname, sizeof hostname);
    printf("clone(CLONE_NEWUTS|SIGCHLD): the child gets its own hostname\n");
    fflush(stdout);
    pid_t pid = clone(uts_child, stack + STACK_SIZE, CLONE_NEWUTS | SIGCHLD, (void *)name);
    if (pid < 0 && (errno == EPERM || errno == EINVAL)) {
        printf("clone_demo: CLONE_NEWUTS needs root (CAP_SYS_ADMIN): skipped\n");
        free(stack);
        return 0;
    }
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid) {
        perror("clone_demo: clone");
        return 1;
    }
    char now[64];
    gethostname(now, sizeof now);
    printf("  parent: hostname %s (%s)\n", now,
           strcmp(now, hostname) == 0 ? "unchanged" : "CHANGED");
    free(stack);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

static int vfork_child(void *arg)
{
    (void)arg;
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL);            /* the parent cannot run meanwhile */
    execlp("true", "true", (char *)NULL);
    _exit(127);
}

static int vfork_demo(void)
{
    char *stack = malloc(STACK_SIZE);
    if (stack == NULL)
        return 1;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = clone(vfork_child, stack + STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (pid < 0) {
        perror("clone_demo: clone");
        return 1;
    }
    double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("vfork: the child slept 0.3 s, then exec'd true\n");
    printf("  parent: clone(CLONE_VM|CLONE_VFORK) returned after %s 0.3 s: "
           "suspended until the child's exec\n", waited >= 0.3 ? "at least" : "LESS THAN");
    waitpid(pid, NULL, 0);
    free(stack);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "-u") == 0)
        return uts(argv[2]);
    if (argc == 2 && strcmp(argv[1], "-v") == 0)
        return vfork_demo();
    if (argc != 1) {
        fprintf(stderr, "usage: clone_demo [-u hostname | -v]\n");
        return 2;
    }
    return two_children();
}
