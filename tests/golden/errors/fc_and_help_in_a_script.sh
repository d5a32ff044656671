# A script has no history: fc says so (status 1); bad usage is status 2.
fc -l
echo "fc -l: $?"
fc -s
echo "fc -s: $?"
fc -x
echo "fc -x: $?"
help nosuch
echo "help nosuch: $?"
help cd | head -1
help a b
echo "help a b: $?"
