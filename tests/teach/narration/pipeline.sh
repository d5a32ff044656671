ls /etc/hostname | wc -l
