(cd /tmp && pwd); pwd > /dev/null; echo done
