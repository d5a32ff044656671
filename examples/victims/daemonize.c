/* daemonize.c -- become a daemon the classic way, saying each step:
 * fork (the parent returns to the shell), setsid (a new session, no
 * controlling terminal), fork again (not a session leader: it can never
 * get a terminal back), chdir("/"), umask(0), stdio to /dev/null.  The
 * daemon closes every other inherited descriptor, writes its pid to PIDFILE and lives SECONDS (default 60).  The
 * first process waits, through a pipe, until the daemon is ready, so the
 * shell's prompt comes back only once it is. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what)
{
    perror(what);
    _exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: daemonize PIDFILE [SECONDS]\n");
        return 2;
    }
    unsigned seconds = argc > 2 ? (unsigned)atoi(argv[2]) : 60;
    char pidfile[512];
    if (argv[1][0] == '/')
        snprintf(pidfile, sizeof pidfile, "%s", argv[1]);
    else if (getcwd(pidfile, sizeof pidfile - 1 - (sizeof pidfile) / 2) != NULL)
        snprintf(pidfile + strlen(pidfile), sizeof pidfile - strlen(pidfile), "/%s", argv[1]);
    int ready[2];
    if (pipe(ready) < 0)
        die("daemonize: pipe");
    printf("daemonize %ld: session %ld, fork\n", (long)getpid(), (long)getsid(0));
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        die("daemonize: fork");
    if (pid > 0) {              /* the original: wait for "ready", then return to the shell */
        close(ready[1]);
        char c;
        if (read(ready[0], &c, 1) != 1)
            return 1;
        printf("daemonize %ld: the daemon is ready; exiting\n", (long)getpid());
        return 0;
    }
    close(ready[0]);
    if (setsid() < 0)
        die("daemonize: setsid");
    printf("  child %ld: setsid() -> session %ld, process group %ld, no terminal\n",
           (long)getpid(), (long)getsid(0), (long)getpgrp());
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        die("daemonize: fork");
    if (pid > 0)
        _exit(0);               /* the session leader goes: its child is an orphan */
    if (chdir("/") < 0)
        die("daemonize: chdir");
    umask(0);
    printf("  daemon %ld: fork again (not a session leader), chdir /, umask 0, "
           "stdio -> /dev/null\n", (long)getpid());
    fflush(stdout);
    int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
        die("daemonize: /dev/null");
    for (int fd = 3; fd < 1024; fd++)   /* and every other inherited descriptor */
        if (fd != ready[1])
            close(fd);
    FILE *f = fopen(pidfile, "w");
    if (f == NULL)
        _exit(1);      /* the shell sees no "ready": it says so */
    fprintf(f, "%ld\n", (long)getpid());
    fclose(f);
    if (write(ready[1], "r", 1) != 1)
        _exit(1);
    close(ready[1]);
    sleep(seconds);
    return 0;
}
