/* cloexec.c -- open a file twice, once with O_CLOEXEC, then exec `ls -l
 * /proc/self/fd`: only the descriptor without close-on-exec survives exec. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int keep = open("/dev/null", O_RDONLY);
    int gone = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (keep < 0 || gone < 0) {
        perror("open");
        return 1;
    }
    printf("fd %d: no close-on-exec (survives exec); fd %d: O_CLOEXEC (closed by exec)\n",
           keep, gone);
    fflush(stdout);
    execlp("ls", "ls", "/proc/self/fd", (char *)NULL);
    perror("execlp");
    return 127;
}
