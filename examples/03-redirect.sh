#!/usr/bin/env minish
# 03-redirect.sh -- redirections: open files onto descriptors 0, 1, 2, ...
#
# `cmd > file` means: in the child, open("file", O_WRONLY|O_CREAT|O_TRUNC),
# dup2() the result onto 1, close the original, then exec cmd.
# Redirections are applied left to right, which is why the order of
# `> file 2>&1` and `2>&1 > file` matters.

dir=$(mktemp -d)                 # a private scratch directory
cd "$dir" || exit 1

echo "first line" > notes.txt    # > creates or truncates
echo "second line" >> notes.txt  # >> appends
wc -l < notes.txt                # < reads from a file

# 2>&1 AFTER > file: both stdout and stderr go to the file.
ls /nonexistent-dir > both.txt 2>&1
echo "lines in both.txt: $(wc -l < both.txt)"

# 2>&1 BEFORE > file: stderr goes to the OLD stdout (here: the pipe).
ls /nonexistent-dir 2>&1 > /dev/null | wc -l

# A here-document feeds text to stdin.
cat <<EOF
a here-document in $(basename "$PWD" | cut -c1-3)...
EOF

# Extra descriptors: open 3 for writing, use it, close it.
exec 3> fd3.txt
echo "written through fd 3" >&3
exec 3>&-
cat fd3.txt

cd / && rm -rf "$dir"
