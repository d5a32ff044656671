# A backslash-newline in an unquoted here-document joins the next line first:
# that line is then neither the delimiter nor stripped of its tabs.
cat <<-E2
	end\
	E2
	more
	E2
echo "after: $?"
cat <<E
a\\
E
echo even
cat <<"Q"
x\
Q
echo quoted
