/* noinherit.c -- what a child does NOT inherit from fork: the parent's
 * pending signals, its interval timers and its memory locks.  The parent
 * blocks SIGUSR1 and sends it to itself (pending), arms a 100 s ITIMER_REAL
 * and mlock()s a page; then the parent and the child each say what they have.
 * (Inherited, for contrast: the signal mask and the handlers.) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* VmLck from /proc/self/status, in KiB. */
static long locked_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "VmLck: %ld", &kib) == 1)
            break;
    if (f != NULL)
        fclose(f);
    return kib;
}

static void report(const char *who)
{
    sigset_t pending, mask;
    sigpending(&pending);
    sigprocmask(SIG_BLOCK, NULL, &mask);
    struct itimerval t;
    getitimer(ITIMER_REAL, &t);
    printf("%-7s SIGUSR1 pending: %-3s  blocked: %-3s  timer: %-11s  locked memory: %ld KiB\n",
           who, sigismember(&pending, SIGUSR1) ? "yes" : "no",
           sigismember(&mask, SIGUSR1) ? "yes" : "no",
           t.it_value.tv_sec > 0 || t.it_value.tv_usec > 0 ? "armed" : "not armed", locked_kib());
    fflush(stdout);
}

int main(void)
{
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    kill(getpid(), SIGUSR1);                    /* blocked, so it stays pending */
    struct itimerval t = {{0, 0}, {100, 0}};    /* SIGALRM in 100 s */
    setitimer(ITIMER_REAL, &t, NULL);
    static char page[4096] __attribute__((aligned(4096)));
    memset(page, 1, sizeof page);
    int locked = mlock(page, sizeof page);      /* may fail under a tight RLIMIT_MEMLOCK */
    report("parent:");
    pid_t pid = fork();
    if (pid < 0) {
        perror("noinherit: fork");
        return 1;
    }
    if (pid == 0) {
        report("child:");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    if (locked < 0)
        printf("(mlock failed: RLIMIT_MEMLOCK too small, so no lock to inherit)\n");
    return 0;                                   /* exit: SIGUSR1 is still blocked */
}
