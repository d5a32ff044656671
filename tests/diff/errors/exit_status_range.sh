sh -c 'exit 255'; echo $?
sh -c 'exit 256'; echo $?
(exit 257); echo $?
