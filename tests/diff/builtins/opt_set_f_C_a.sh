set -f; echo /*; set +f
set -C; echo a > nc; echo b > nc; echo $?; echo c >| nc; cat nc; set +C
set -a; AV=1; sh -c 'echo $AV'; set +a
