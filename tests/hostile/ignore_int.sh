#!/bin/sh
# ignore_int.sh SHELL ARGS... -- a deliberately broken shell for the negative
# control of signals_eintr.sh: SHELL started with SIGINT and SIGQUIT ignored,
# so its foreground children inherit the ignored dispositions.
sh=$1
shift
trap '' INT QUIT
exec "$sh" "$@"
