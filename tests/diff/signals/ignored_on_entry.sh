# XCU 2.11: signals ignored on entry to a non-interactive shell cannot be
# trapped or reset; `trap` on them is accepted silently.
me=$(readlink /proc/$$/exe)
(trap '' INT; "$me" -c '{ trap - INT; sh -c "kill -s INT \$\$; echo child survived"; } & wait $!; echo "status $?"')
(trap '' TERM; "$me" -c 'trap "echo trapped" TERM; kill -s TERM $$; echo "done $?"')
(trap '' USR1; "$me" -c 'trap - USR1; kill -USR1 $$; echo "still here"; sh -c "kill -USR1 \$\$; echo child too"')
(trap '' HUP; "$me" -c 'trap "echo hup" HUP; (kill -HUP $$; echo "subshell"); echo "status $?"')
# never named by trap: a program the shell starts (vfork) inherits the
# ignore; one the shell trapped goes back to the default in the program
(trap '' QUIT; "$me" -c 'sh -c "kill -s QUIT \$\$; echo quit ignored"; trap "echo t" TERM; sh -c "kill -s TERM \$\$; echo not printed"; echo "status $?"')
(trap '' PIPE; "$me" -c 'trap "echo usr2" USR2; sh -c "kill -s PIPE \$\$; echo pipe ignored" | cat; kill -s USR2 $$')
echo end
