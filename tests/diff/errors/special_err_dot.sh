. ./nonexist_file
echo not reached
