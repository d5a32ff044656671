umask 022; umask; umask -S; umask u=rwx,g=rx,o=; umask; umask g+w; umask; umask a-w; umask; umask 0777; umask -S
umask 999; echo $?
