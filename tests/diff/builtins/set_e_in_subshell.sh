set -e
(false; echo never)
echo never2
