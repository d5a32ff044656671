umask 0; umask u=rwx,go=rx; umask; umask -S; umask o-x; umask -S; umask a=; umask
umask +x 2>/dev/null; umask; umask g=u; umask
