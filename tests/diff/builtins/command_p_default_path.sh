PATH=/nonexistent
command -p ls / >/dev/null; echo $?
command -p sh -c 'echo from sh'
echo "$PATH"
