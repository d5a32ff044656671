#!/bin/sh
# gen_script.sh LINES MODE: print a generated LINES-line POSIX sh script.
# MODE run:   the script as is (defines and calls functions, case, if, for,
#             arithmetic and parameter expansions; only builtins, no children).
# MODE parse: the same lines wrapped in `if false; then ... fi`, so a shell
#             parses everything and runs nothing.
# MODE configure: a configure-like script: blocks of a function with a
#             case and an if, a call, a here-document read by a `while read`
#             loop and a case on the result (builtins only, no children).
# MODE pipes: a pipeline-heavy script: every line a 2- or 3-stage
#             pipeline of echo/printf and small utilities (cat, tr, wc),
#             some inside $(...).
# Every block of 10 lines uses its own function name and constants, so no
# shell can cache anything across blocks. All its variables start with g_,
# so sourcing it from a workload loop leaves the loop's own variables alone.
lines=${1:-20000} mode=${2:-run}
case $mode in
configure)
	exec awk -v lines="$lines" 'BEGIN {
	print "ac_n=0 ac_last="
	blocks = int((lines - 2) / 20)
	for (k = 1; k <= blocks; k++) {
		printf "ac_fn_%d() {\n", k
		print "\tac_var=$1"
		print "\tcase $ac_var in"
		print "\t*-linux*) ac_os=linux ;;"
		print "\t*-bsd* | *-darwin*) ac_os=bsd ;;"
		print "\t*) ac_os=other ;;"
		print "\tesac"
		print "\tif test \"x$ac_os\" = xlinux; then"
		printf "\t\tac_cv_%d=yes\n", k
		print "\telse"
		printf "\t\tac_cv_%d=no\n", k
		print "\tfi"
		print "}"
		printf "ac_fn_%d x86_64-pc-linux-gnu\n", k
		print "while read -r ac_line; do ac_last=$ac_line; done <<_ACEOF"
		printf "#define HAVE_FEATURE_%d 1\n", k
		printf "#define PACKAGE_STRING_%d \"minish $ac_os\"\n", k
		print "_ACEOF"
		printf "case $ac_cv_%d in yes) ac_n=$((ac_n + 1)) ;; *) ac_n=$((ac_n - 1)) ;; esac\n", k
		print ":"
	}
	for (p = blocks * 20; p < lines - 2; p++) print ":"
	print "echo \"$ac_n $ac_last\""
}' ;;
pipes)
	exec awk -v lines="$lines" 'BEGIN {
	print "p_n=0"
	for (k = 1; k < lines - 1; k++) {
		m = k % 5
		if (m == 0) printf "echo \"line %d\" | cat >/dev/null\n", k
		else if (m == 1) printf "printf \"%%s\\n\" a%d b%d | wc -l >/dev/null\n", k, k
		else if (m == 2) printf "echo abc%d | tr a-z A-Z | cat >/dev/null\n", k
		else if (m == 3) printf "p_x=$(echo x%d | cat); p_n=$((p_n + ${#p_x}))\n", k
		else printf "echo %d | cat | wc -c >/dev/null\n", k
	}
	print "echo \"$p_n\""
}' ;;
esac
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
