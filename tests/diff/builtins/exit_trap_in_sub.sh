( trap 'echo sub exit' EXIT; exit 2 ); echo $?
