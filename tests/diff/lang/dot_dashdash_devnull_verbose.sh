# `.` takes `--`, reads any readable file (/dev/null: status 0), and under
# set -v shows the lines of the file as it reads them.
false; . -- /dev/null; echo "st=$?"
false; . /dev/null; echo "st=$?"
echo 'echo in-file' > f.sh
(set -v; . ./f.sh) 2>&1
rm f.sh
