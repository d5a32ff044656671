# orphan-demo.sh -- run with build/victims on PATH: `minish examples/victims/orphan-demo.sh`.
# zombie_maker -o forks, and the parent exits first: the child, an orphan,
# is re-parented to init (pid 1) or to the nearest subreaper, which reaps it.
# Compare: `set -o noreap; sleep 0.1 & sleep 0.5; ptree` shows a zombie
# (the parent is alive and has not waited).  See docs/lessons/05-zombies-orphans.md.
zombie_maker -o
sleep 0.3
