# A pending trap runs between the iterations of any loop, even one made
# only of `continue` or `break`; a timeout turns a hang into status 124.
# The signal is sent once the shell has spent 0.1 s of CPU time, that is,
# once it is spinning in the loop.
me=$(readlink /proc/$$/exe)
for body in 'while continue; do continue; done' 'until continue; do :; done' \
            'while :; do continue; done' 'while true; do for i in 1; do break; done; done'; do
    timeout 5 "$me" -c "trap 'echo caught; exit 3' USR1
        (while [ \$(cut -d' ' -f14 /proc/\$\$/stat) -lt 10 ]; do sleep 0.01; done
         while kill -USR1 \$\$ 2>/dev/null; do sleep 0.05; done) &
        $body"
    echo "status $?"
done
