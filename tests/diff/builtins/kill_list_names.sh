kill -l 9
kill -l 15
kill -l 2
