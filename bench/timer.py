"""timer.py OUT_PREFIX CMD...: run CMD once and print "WALL_US CPU_US STATUS".

stdin is /dev/null, stdout and stderr go to OUT_PREFIX.stdout / .stderr.
WALL_US is the wall time from spawn to reap (no clock process around it);
CPU_US is user+system time of CMD and every descendant it waited for (wait4's
rusage), which a busy shared machine disturbs far less than wall time.
STATUS is the exit status, or 128+N when CMD was killed by signal N.
"""
import os
import sys
import time


def main():
    prefix, argv = sys.argv[1], sys.argv[2:]
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, prefix + ".stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, prefix + ".stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    t0 = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    if os.WIFSIGNALED(status):
        code = 128 + os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    cpu = int((ru.ru_utime + ru.ru_stime) * 1e6)
    print((t1 - t0) // 1000, cpu, code)


main()
