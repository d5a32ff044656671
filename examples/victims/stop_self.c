/* stop_self.c -- stop itself with SIGSTOP, as Ctrl-Z would (SIGTSTP), then
 * say so when continued.  The shell sees it in waitpid as "stopped by SIGSTOP". */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("stop_self: pid %ld stopping myself\n", (long)getpid());
    fflush(stdout);
    if (kill(getpid(), SIGSTOP) < 0) {
        perror("kill");
        return 1;
    }
    printf("stop_self: continued\n");
    return 0;
}
