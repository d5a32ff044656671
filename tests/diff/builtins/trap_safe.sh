trap 'echo got' USR1
kill -USR1 $$; echo after
sh -c "kill -USR1 $$"; echo after2
