/* ids.c -- print this process's pid, parent, process group and session;
 * with -u its real and effective user and group ids and its groups. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int user_ids(void)
{
    gid_t groups[64];
    int n = getgroups(64, groups);
    printf("uid=%ld euid=%ld gid=%ld egid=%ld groups=", (long)getuid(), (long)geteuid(),
           (long)getgid(), (long)getegid());
    for (int i = 0; i < n; i++)
        printf("%s%ld", i > 0 ? "," : "", (long)groups[i]);
    printf("%s\n", n <= 0 ? "(none)" : "");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "-u") == 0)
        return user_ids();
    printf("pid=%ld ppid=%ld pgid=%ld sid=%ld\n", (long)getpid(), (long)getppid(),
           (long)getpgrp(), (long)getsid(0));
    return 0;
}
