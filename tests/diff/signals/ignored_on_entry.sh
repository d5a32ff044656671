# XCU 2.11: signals ignored on entry to a non-interactive shell cannot be
# trapped or reset; `trap` on them is accepted silently.
me=$(readlink /proc/$$/exe)
(trap '' INT; "$me" -c '{ trap - INT; sh -c "kill -s INT \$\$; echo child survived"; } & wait $!; echo "status $?"')
(trap '' TERM; "$me" -c 'trap "echo trapped" TERM; kill -s TERM $$; echo "done $?"')
(trap '' USR1; "$me" -c 'trap - USR1; kill -USR1 $$; echo "still here"; sh -c "kill -USR1 \$\$; echo child too"')
(trap '' HUP; "$me" -c 'trap "echo hup" HUP; (kill -HUP $$; echo "subshell"); echo "status $?"')
echo end
