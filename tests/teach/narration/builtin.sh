cd /
pwd
