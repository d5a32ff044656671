trap 'x' NOSUCHSIG; echo $?
trap 'x' 99; echo $?
