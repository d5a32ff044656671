/* ids.c -- print this process's pid, parent, process group and session. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("pid=%ld ppid=%ld pgid=%ld sid=%ld\n", (long)getpid(), (long)getppid(),
           (long)getpgrp(), (long)getsid(0));
    return 0;
}
