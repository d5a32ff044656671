#!/usr/bin/env minish
# 08-wordfreq.sh -- count words: a classic pipeline, then `while read`.
#
#   tr   splits the text into one lowercase word per line
#   sort groups equal words together, uniq -c counts each group,
#   sort -rn puts the most frequent first.
# The second half reads the result line by line with `while read`.

text='The shell reads a line, the shell splits it into words,
and the shell runs the words as a command. A pipe joins the commands.'

printf '%s\n' "$text" |
    tr -cs 'A-Za-z' '\n' |
    tr 'A-Z' 'a-z' |
    grep . |
    sort | uniq -c | sort -k1,1rn -k2 |
    head -5 > /tmp/wordfreq.$$

echo "top words:"
rank=0
while read -r count word; do
    rank=$((rank + 1))
    printf '%2d. %-8s %s\n' "$rank" "$word" "$count"
done < /tmp/wordfreq.$$
rm -f /tmp/wordfreq.$$
