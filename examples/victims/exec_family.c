/* exec_family.c -- the six exec functions, one child each:
 *   execl  execv     a path, no PATH search; the caller's environment
 *   execlp execvp    a name, searched in $PATH; the caller's environment
 *   execle execve    a path and an environment of the caller's choosing
 * l: the arguments as a list; v: as an array.  Each child runs
 * `exec_family --show ...`, which prints its argv and two variables.
 * Last, execv with a bare name fails: without p there is no PATH search. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char self[512];              /* this program's path, for the calls without p */

static int show(int argc, char **argv)
{
    const char *lesson = getenv("LESSON"), *path = getenv("PATH");
    printf("    new image: argv =");
    for (int i = 0; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf("; LESSON=%s; PATH %s\n", lesson != NULL ? lesson : "(unset)",
           path != NULL ? "set" : "(unset)");
    return 0;
}

/* Run one exec call (numbered WHICH) in a child and wait for it. */
static void one(int which)
{
    char *argv[] = {"exec_family", "--show", "v-array", NULL};
    char *envp[] = {"LESSON=private", NULL};
    static const char *const says[] = {
        "execl(path, arg0, ..., NULL)", "execv(path, argv)",
        "execlp(name, arg0, ..., NULL): searches PATH", "execvp(name, argv): searches PATH",
        "execle(path, arg0, ..., NULL, envp)", "execve(path, argv, envp): the system call",
        "execv(\"exec_family\", argv): a bare name, no PATH search",
    };
    printf("%s\n", says[which]);
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("exec_family: fork");
        exit(1);
    }
    if (pid == 0) {
        switch (which) {
        case 0: execl(self, "exec_family", "--show", "l-list", (char *)NULL); break;
        case 1: execv(self, argv); break;
        case 2: execlp("exec_family", "exec_family", "--show", "l-list", (char *)NULL); break;
        case 3: execvp("exec_family", argv); break;
        case 4: execle(self, "exec_family", "--show", "l-list", (char *)NULL, envp); break;
        case 5: execve(self, argv, envp); break;
        default: execv("exec_family", argv); break;
        }
        printf("    failed: %s (errno %d)\n", strerror(errno), errno);
        fflush(stdout);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--show") == 0)
        return show(argc, argv);
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0) {
        perror("exec_family: /proc/self/exe");
        return 1;
    }
    self[n] = '\0';
    if (setenv("LESSON", "inherited", 1) < 0)
        return 1;
    for (int which = 0; which < 7; which++)
        one(which);
    return 0;
}
