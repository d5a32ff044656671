cd /nonexist; echo "survived $?"
