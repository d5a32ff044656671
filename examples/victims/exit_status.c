/* exit_status.c -- exit with the number given (default 300).  Only the low
 * 8 bits reach the parent: `exit_status 300; echo $?` prints 44 (300 - 256). */
#include <stdlib.h>

int main(int argc, char **argv)
{
    return argc > 1 ? atoi(argv[1]) : 300;
}
