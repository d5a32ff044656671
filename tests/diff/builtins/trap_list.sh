trap 'echo a' INT
trap 'echo "q x"' TERM
trap '' QUIT
trap
trap - INT TERM QUIT
trap; echo done
