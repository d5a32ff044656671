# A trapped signal is narrated where the shell acts on it: its handler only
# sets a flag; the trap action runs at the next safe point.
trap 'echo got' USR1
kill -USR1 $$
echo after
