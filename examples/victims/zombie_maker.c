/* zombie_maker.c -- fork a child that exits at once, and do not wait for it
 * for SECONDS (default 2): the child is a zombie (Z, <defunct>) meanwhile.
 * With -o [SECONDS] it does the opposite: the parent exits first, and the
 * child, now an orphan, prints its new parent (init, pid 1, or a subreaper),
 * then lives SECONDS more (default 0) so that ptree can show it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int orphan(unsigned seconds)
{
    pid_t parent = getpid();    /* read before fork: the parent may be gone by the time the child runs */
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid > 0) {
        printf("parent %ld: exiting before my child %ld\n", (long)getpid(), (long)pid);
        return 0;
    }
    pid_t before = parent;
    struct timespec tick = {0, 10 * 1000 * 1000};
    while (getppid() == before)     /* until the parent is gone */
        nanosleep(&tick, NULL);
    printf("orphan %ld: my parent was %ld, now it is %ld\n", (long)getpid(), (long)before,
           (long)getppid());
    fflush(stdout);
    sleep(seconds);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "-o") == 0)
        return orphan(argc > 2 ? (unsigned)atoi(argv[2]) : 0);
    int seconds = argc > 1 ? atoi(argv[1]) : 2;
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0)
        _exit(7);                   /* the child ends at once */
    printf("zombie_maker %ld: child %ld exited; not waiting for %d s\n", (long)getpid(),
           (long)pid, seconds);
    fflush(stdout);
    sleep((unsigned)seconds);       /* meanwhile: ps shows the child as Z <defunct> */
    int st;
    if (waitpid(pid, &st, 0) == pid && WIFEXITED(st))
        printf("zombie_maker: reaped %ld, exit status %d\n", (long)pid, WEXITSTATUS(st));
    return 0;
}
