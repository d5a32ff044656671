/* spin.c -- burn CPU until killed: watch it with ptree, stop it with Ctrl-Z,
 * kill it with Ctrl-C.  Prints its pid first so you know what to look for. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("spin: pid %ld, spinning (Ctrl-C to stop)\n", (long)getpid());
    fflush(stdout);
    volatile unsigned long n = 0;
    for (;;)
        n++;
}
