umask 022
umask
umask 077
umask
umask 0022
touch f
ls -l f | cut -c1-10
