#!/usr/bin/env minish
# 07-fd-hygiene.sh -- a child should see only the descriptors meant for it.
#
# Every descriptor the shell opens for itself (pipes, saved copies of
# stdout, the script file) is opened close-on-exec (O_CLOEXEC), so the
# kernel closes it automatically at execve().  A command therefore starts
# with 0, 1 and 2 -- plus whatever its own redirections name.
#
# The probe: `sh -c 'ls /proc/$$/fd'` lists the descriptors of that sh
# process (ls's own directory descriptor belongs to ls, not to sh).
# Only descriptors 0-9 are shown: a terminal or desktop may leak high
# descriptors into the shell that started minish (inherited, not ours), and
# dash keeps a script open on fd 10.  tests/sys/fds.sh checks all of them.

# only_low: keep the descriptor numbers 0-9 of a listing, on one line.
only_low() { grep -x '[0-9]' | tr '\n' ' '; echo; }

echo "a plain command sees:"
sh -c 'ls /proc/$$/fd' | only_low

echo "the middle of a pipeline sees:"
echo | sh -c 'cat > /dev/null; ls /proc/$$/fd' | only_low

echo "with 3>/dev/null it also sees fd 3:"
sh -c 'ls /proc/$$/fd' 3> /dev/null | only_low
