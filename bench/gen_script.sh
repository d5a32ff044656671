#!/bin/sh
# gen_script.sh LINES MODE: print a generated LINES-line POSIX sh script.
# MODE run:   the script as is (defines and calls functions, case, if, for,
#             arithmetic and parameter expansions; only builtins, no children).
# MODE parse: the same lines wrapped in `if false; then ... fi`, so a shell
#             parses everything and runs nothing.
# Every block of 10 lines uses its own function name and constants, so no
# shell can cache anything across blocks. All its variables start with g_,
# so sourcing it from a workload loop leaves the loop's own variables alone.
lines=${1:-20000} mode=${2:-run}
awk -v lines="$lines" -v mode="$mode" 'BEGIN {
	if (mode == "parse") print "if false; then"
	print "g_n=0 g_s=0 g_z="
	body = lines - 2
	blocks = int(body / 10)
	for (k = 1; k <= blocks; k++) {
		printf "f_%d() {\n", k
		print "\tg_a=$1 g_b=${2:-x}"
		print "\tcase $g_a in"
		printf "\t1 | 2) g_r=$((g_a * %d + 1)) ;;\n", k
		print "\t*) g_r=${g_b%x}$g_a ;;"
		print "\tesac"
		print "}"
		printf "if [ \"$g_n\" -gt %d ]; then f_%d \"$g_n\" y; else f_%d 1; fi; g_s=$((g_s + ${#g_r}))\n", k, k, k
		print "for g_w in a b c; do g_n=$((g_n + 1)); done"
		printf "g_x=\"v %d $g_n\" g_y=${g_x#v } g_z=${g_y%% *}\n", k
	}
	for (p = blocks * 10; p < body; p++) print ":"
	print "echo \"$g_n $g_s $g_z\""
	if (mode == "parse") { print "fi"; print "echo parsed" }
}'
