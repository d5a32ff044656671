printf 'echo hi\n' > noexec.sh
chmod -x noexec.sh
./noexec.sh 2>/dev/null
echo $?
