trap '' INT
kill -INT $$
echo survived
