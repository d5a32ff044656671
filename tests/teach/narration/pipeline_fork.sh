set -o spawn=fork
ls /etc/hostname | wc -l
