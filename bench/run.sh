#!/bin/sh
# bench/run.sh [MINISH_BINARY]: benchmark minish against dash and bash.
#
# Runs every workload in bench/workloads/ with minish, dash and bash
# INTERLEAVED (round r runs the three shells on workload 1, then on
# workload 2, ...), so slow drift of a shared machine hits all three alike;
# the order rotates each round (minish dash bash, dash bash minish, ...).
# Reports medians of wall time and ratios to dash, checks that the three
# shells print the same thing, measures peak RSS, and counts instructions
# with callgrind for the interpreter loops (noise-free on a shared machine).
#
# It is a benchmark, not a test: no timing ever fails it. Exit status:
#   0  all runs finished (output mismatches are reported loudly, not fatal)
#   1  a shell crashed (killed by a signal) or hung past BENCH_TIMEOUT
#   2  usage error (no such binary, dash missing)
#
# Environment:
#   BENCH_ROUNDS=5      rounds (medians are taken over them)
#   BENCH_QUICK=1       smoke run: smaller N, 3 rounds, small callgrind N
#   BENCH_CALLGRIND=0   skip the callgrind section
#   BENCH_ONLY="a b"    run only these workloads (names as in the table)
#   BENCH_TIMEOUT=120   seconds before one run counts as hung
#   BENCH_DASH, BENCH_BASH   the reference shells (default: dash, bash)
#   BENCH_OUT=FILE      also write the final report to FILE
#   BENCH_TIMER=date    time with date +%s%N even when python3 is there
set -u

here=$(cd "$(dirname "$0")" && pwd)
wl_dir=$here/workloads

usage_fail() {
	echo "bench/run.sh: $*" >&2
	exit 2
}

# --- configuration -------------------------------------------------------
minish=${1:-build/minish}
[ -x "$minish" ] || usage_fail "no executable minish at '$minish' (build it with make, or pass a binary: bench/run.sh /usr/bin/dash)"
case $minish in
/*) ;;
*) minish=$(cd "$(dirname "$minish")" && pwd)/$(basename "$minish") ;;
esac
dash=$(command -v "${BENCH_DASH:-dash}") || usage_fail "dash not found (apt-get install dash)"
bash_sh=$(command -v "${BENCH_BASH:-bash}") || bash_sh=
quick=${BENCH_QUICK:-0}
[ "$quick" = 0 ] && rounds=${BENCH_ROUNDS:-5} || rounds=${BENCH_ROUNDS:-3}
tmo=${BENCH_TIMEOUT:-120}
only=${BENCH_ONLY:-}
gen_lines=20000

# Workload table: name, how it is run, N (default), N (quick), N (callgrind,
# - for none), target ratio to dash (tN = time, iN = instructions).
#   self:  SHELL workloads/NAME.sh N
#   drive: dash workloads/NAME.sh N SHELL   (startup: same driver for all)
#   run/parse: SHELL workloads/parse_MODE.sh N GENERATED_SCRIPT
#   configure/pipes: SHELL workloads/NAME.sh N GENERATED_SCRIPT (gen_script.sh)
workloads='startup      drive 800    160   1  t1.05
spawn        self  800    160   -  t1.00
pipeline     self  300    60    -  t1.00
throughput   self  5      1     -  t1.02
cmdsub       self  2000   400   -  t0.60
heredoc      self  600    120   -  t1.00
heredoc_read self  8000   1600  -  t1.00
arith        self  250000 50000 20000 i1.00
string       self  80000  16000 5000  i1.00
eval         self  30000  6000  3000  i1.00
parse_run    run   15     3     1  t1.00
parse_only   parse 25     5     1  t1.00
configure    configure 10 2    1  t1.00
pipes        pipes 1      1     -  t1.00'
if [ "$quick" != 0 ]; then
	# Quick mode: the callgrind N shrink too (valgrind is ~50x slower).
	workloads=$(echo "$workloads" | awk '{ if ($5 != "-" && $5 > 1) $5 = int($5 / 5); print }')
fi

# Shells: label and path, in the order they run inside a round.
shells="minish dash"
[ -n "$bash_sh" ] && shells="$shells bash"
shell_path() {
	case $1 in
	minish) echo "$minish" ;;
	dash) echo "$dash" ;;
	bash) echo "$bash_sh" ;;
	esac
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/minish-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
failed=0
mismatches=

# --- timing helpers ---------------------------------------------------------
# With python3, bench/timer.py spawns each run and reports its wall time and
# its CPU time (user+sys of the shell and all its children, from wait4).
# Without it, wall time only, from date +%s%N around the run.
use_py=0
if [ "${BENCH_TIMER:-py}" = py ] && command -v python3 >/dev/null 2>&1 &&
	python3 "$here/timer.py" "$tmp/probe" true >/dev/null 2>&1; then
	use_py=1
fi
# Nanosecond clock: GNU date, else python3 (busybox date has no %N).
if [ "$(date +%N)" != N ] && [ -n "$(date +%N)" ]; then
	now_ns() { date +%s%N; }
elif command -v python3 >/dev/null 2>&1; then
	now_ns() { python3 -c 'import time; print(time.time_ns())'; }
else
	usage_fail "need GNU date (+%N) or python3 for the clock"
fi

# median FILE: median of the numbers in FILE, one per line.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B: A/B with two decimals, or - when either is missing.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "" || b == "" || a == "nan" || b == "nan" || a == "-" || b == "-" || b + 0 == 0) print "-";
		else printf "%.2f\n", a / b }'
}

# note_status LABEL SHELL STATUS: record a crash (signal) or hang.
note_status() {
	if [ "$3" -eq 124 ]; then
		echo "!!! $2 HUNG on $1 (killed after ${tmo}s)" >&2
		failed=1
	elif [ "$3" -gt 128 ]; then
		echo "!!! $2 CRASHED on $1 (status $3 = signal $(($3 - 128)))" >&2
		failed=1
	fi
}

# --- one run ---------------------------------------------------------------
# run_one NAME KIND N LABEL ROUND: time one run, keep its stdout and status.
run_one() {
	name=$1 kind=$2 n=$3 label=$4 round=$5
	sh=$(shell_path "$label")
	out=$tmp/out.$name.$label
	case $kind in
	self) set -- "$sh" "$wl_dir/$name.sh" "$n" ;;
	drive) set -- "$dash" "$wl_dir/$name.sh" "$n" "$sh" ;;
	run | parse | configure | pipes) set -- "$sh" "$wl_dir/$name.sh" "$n" "$tmp/gen_$kind.sh" ;;
	esac
	if [ "$use_py" = 1 ]; then
		res=$(cd "$tmp" && python3 "$here/timer.py" "$out" timeout "$tmo" "$@")
		set -- $res
		echo "$1" >>"$tmp/us.$name.$label"
		echo "$2" >>"$tmp/cpu.$name.$label"
		st=$3
	else
		t0=$(now_ns)
		(cd "$tmp" && exec timeout "$tmo" "$@" >"$out.stdout" 2>"$out.stderr" </dev/null)
		st=$?
		t1=$(now_ns)
		echo $(((t1 - t0) / 1000)) >>"$tmp/us.$name.$label"
	fi
	echo "$st" >"$out.status"
	note_status "$name" "$label" "$st"
}

# check_outputs NAME ROUND: compare minish's and bash's stdout and status
# with dash's; report the first mismatch per shell and workload loudly.
check_outputs() {
	ref=$tmp/out.$1.dash
	for label in $shells; do
		[ "$label" = dash ] && continue
		o=$tmp/out.$1.$label
		if cmp -s "$ref.stdout" "$o.stdout" && cmp -s "$ref.status" "$o.status"; then
			continue
		fi
		case " $mismatches " in *" $1/$label "*) continue ;; esac
		mismatches="$mismatches $1/$label"
		{
			echo "!!! OUTPUT MISMATCH: $label vs dash on '$1' (round $2)"
			echo "    dash   status $(cat "$ref.status"), stdout: $(head -c 200 "$ref.stdout" | head -n 3)"
			echo "    $label status $(cat "$o.status"), stdout: $(head -c 200 "$o.stdout" | head -n 3)"
			if [ -s "$o.stderr" ]; then
				echo "    $label stderr: $(head -c 300 "$o.stderr" | head -n 3)"
			fi
		} >&2
	done
}

# --- peak RSS ---------------------------------------------------------------
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	rss_method="GNU time -f %M (ru_maxrss of the shell process)"
	rss_gnu=1
else
	rss_gnu=0
	rss_method="VmHWM from /proc/PID/status read at the end of the script (fallback)"
	{
		echo "note: GNU time not found; install it for exact peak RSS:"
		echo "      apt-get install time     (Debian/Ubuntu package 'time')"
		echo "      falling back to VmHWM from /proc, read by the shell itself at the end."
	} >&2
fi

# rss_one NAME LABEL: one peak-RSS measurement in KiB, appended to a file.
rss_one() {
	sh=$(shell_path "$2")
	f=$tmp/rss.tmp
	if [ "$rss_gnu" = 1 ]; then
		case $1 in
		rss_idle) (cd "$tmp" && timeout "$tmo" /usr/bin/time -f %M -o "$f" "$sh" -c true >/dev/null 2>&1) ;;
		rss_vars) (cd "$tmp" && timeout "$tmo" /usr/bin/time -f %M -o "$f" "$sh" "$wl_dir/rss_vars.sh" 10000 >/dev/null 2>&1) ;;
		esac
		st=$?
		kb=$(tail -n 1 "$f" 2>/dev/null)
	else
		case $1 in
		rss_idle) (cd "$tmp" && timeout "$tmo" "$sh" -c 'grep VmHWM "/proc/$$/status"' >"$f" 2>&1) ;;
		rss_vars) (cd "$tmp" && BENCH_RSS_PROC=1 timeout "$tmo" "$sh" "$wl_dir/rss_vars.sh" 10000 2>"$f" >/dev/null) ;;
		esac
		st=$?
		kb=$(awk '/VmHWM/ { print $2 }' "$f")
	fi
	note_status "$1" "$2" "$st"
	case $kb in '' | *[!0-9]*) kb= ;; esac
	[ -n "$kb" ] && echo "$kb" >>"$tmp/kb.$1.$2"
}

# --- callgrind -----------------------------------------------------------------
# cg_one NAME KIND N LABEL: instructions executed by the shell process alone.
cg_one() {
	sh=$(shell_path "$4")
	case $2 in
	drive) set -- "$sh" -c true ;;
	self) set -- "$sh" "$wl_dir/$1.sh" "$3" ;;
	run | parse | configure | pipes) set -- "$sh" "$wl_dir/$1.sh" "$3" "$tmp/gen_$2.sh" ;;
	esac
	(cd "$tmp" && timeout $((tmo * 10)) valgrind --tool=callgrind \
		--callgrind-out-file=/dev/null "$@" >/dev/null 2>"$tmp/cg.err" </dev/null)
	sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' "$tmp/cg.err" | tail -n 1
}

# --- main ---------------------------------------------------------------------
# rotate R WORDS...: the words rotated left by R-1, so each shell takes each
# position in turn (round 1: minish dash bash, round 2: dash bash minish...)
# and a position effect (cache warmth, a neighbour's burst) cancels out.
rotate() {
	k=$((($1 - 1) % ($# - 1)))
	shift
	while [ "$k" -gt 0 ]; do
		first=$1
		shift
		set -- "$@" "$first"
		k=$((k - 1))
	done
	echo "$@"
}

selected() {
	[ -z "$only" ] && return 0
	case " $only " in *" $1 "*) return 0 ;; esac
	return 1
}

"$here/gen_script.sh" "$gen_lines" run >"$tmp/gen_run.sh"
"$here/gen_script.sh" "$gen_lines" parse >"$tmp/gen_parse.sh"
"$here/gen_script.sh" 10000 configure >"$tmp/gen_configure.sh"
"$here/gen_script.sh" 1000 pipes >"$tmp/gen_pipes.sh"

# What a measurement costs with nothing in it (clock + timeout + subshell).
for i in 1 2 3 4 5; do
	if [ "$use_py" = 1 ]; then
		set -- $(python3 "$here/timer.py" "$tmp/probe" timeout "$tmo" /bin/true)
		echo "$1" >>"$tmp/us.overhead"
	else
		t0=$(now_ns)
		(cd "$tmp" && exec timeout "$tmo" /bin/true)
		t1=$(now_ns)
		echo $(((t1 - t0) / 1000)) >>"$tmp/us.overhead"
	fi
done

start_s=$(date +%s)
r=1
while [ "$r" -le "$rounds" ]; do
	order=$(rotate "$r" $shells)
	echo "round $r/$rounds ($order) ..." >&2
	# A here-document, not a pipe, so the loop runs in this shell and keeps
	# $failed and $mismatches (every run inside reads /dev/null, not it).
	while read -r name kind n nq ncg target; do
		selected "$name" || continue
		[ "$quick" != 0 ] && n=$nq
		for label in $order; do
			run_one "$name" "$kind" "$n" "$label" "$r"
		done
		check_outputs "$name" "$r"
	done <<EOF
$workloads
EOF
	for name in rss_idle rss_vars; do
		selected "$name" || continue
		for label in $shells; do
			rss_one "$name" "$label"
		done
	done
	r=$((r + 1))
done

cg_enabled=0
if [ "${BENCH_CALLGRIND:-1}" != 0 ]; then
	if command -v valgrind >/dev/null 2>&1; then
		cg_enabled=1
		echo "callgrind ..." >&2
		while read -r name kind n nq ncg target; do
			[ "$ncg" = - ] && continue
			selected "$name" || continue
			for label in $shells; do
				ir=$(cg_one "$name" "$kind" "$ncg" "$label")
				echo "${ir:--}" >"$tmp/ir.$name.$label"
			done
		done <<EOF
$workloads
EOF
	else
		echo "note: valgrind not found (apt-get install valgrind); no instruction counts" >&2
	fi
fi

# --- report ---------------------------------------------------------------------
# target_cell TARGET RATIO KIND: the target and whether the ratio meets it.
target_cell() {
	case $1 in
	t*) awk -v t="${1#t}" -v r="$2" 'BEGIN {
		if (r == "-") printf "<= %s", t; else printf "<= %s %s", t, (r + 0 <= t + 0 ? "met" : "MISS") }' ;;
	i*) printf "<= %s in instr" "${1#i}" ;;
	esac
}

# mark NAME LABEL: flag a figure whose run printed something else than dash.
mark() {
	case " $mismatches " in *" $1/$2 "*) echo " (!)" ;; esac
}

ms() { # median of a microsecond file, as ms with one decimal
	[ -s "$1" ] || { echo -; return; }
	awk -v v="$(median "$1")" 'BEGIN { printf "%.1f\n", v / 1000 }'
}

report() {
	echo "# minish benchmark"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, Linux $(uname -r)"
	echo "- minish: $minish"
	echo "- dash: $dash ($(dpkg-query -W -f '${Version}' dash 2>/dev/null || echo '?'))"
	[ -n "$bash_sh" ] && echo "- bash: $bash_sh ($("$bash_sh" -c 'echo $BASH_VERSION'))"
	echo "- rounds: $rounds (interleaved, order rotating each round; medians)$([ "$quick" != 0 ] && echo ', QUICK mode (small N)')"
	[ "$use_py" = 1 ] && echo "- timer: bench/timer.py (posix_spawn + wait4: wall and CPU time of the run and its children)" ||
		echo "- timer: date +%s%N around each run (wall time only; install python3 for CPU times)"
	echo "- per-run overhead of the timer and timeout(1), included in every wall time: $(ms "$tmp/us.overhead") ms"
	echo
	echo "## Wall time (median ms)"
	echo
	echo "| workload | N | dash ms | minish ms | bash ms | minish/dash | bash/dash | target (minish/dash) | minish/dash CPU | bash/dash CPU |"
	echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|"
	echo "$workloads" | while read -r name kind n nq ncg target; do
		selected "$name" || continue
		[ "$quick" != 0 ] && n=$nq
		d=$(ms "$tmp/us.$name.dash")
		m=$(ms "$tmp/us.$name.minish")
		b=$(ms "$tmp/us.$name.bash")
		rm_=$(ratio "$m" "$d")
		rb=$(ratio "$b" "$d")
		cd_=$(ms "$tmp/cpu.$name.dash")
		cm=$(ratio "$(ms "$tmp/cpu.$name.minish")" "$cd_")
		cb=$(ratio "$(ms "$tmp/cpu.$name.bash")" "$cd_")
		echo "| $name | $n | $d | $m$(mark "$name" minish) | $b$(mark "$name" bash) | $rm_ | $rb | $(target_cell "$target" "$rm_") | $cm | $cb |"
	done
	echo
	echo "## Peak RSS (median KiB; $rss_method)"
	echo
	echo "| workload | dash KiB | minish KiB | bash KiB | minish/dash | bash/dash | target (minish) |"
	echo "|---|---:|---:|---:|---:|---:|---|"
	for name in rss_idle rss_vars; do
		selected "$name" || continue
		d=$(median "$tmp/kb.$name.dash" 2>/dev/null)
		m=$(median "$tmp/kb.$name.minish" 2>/dev/null)
		b=$(median "$tmp/kb.$name.bash" 2>/dev/null)
		[ "$name" = rss_idle ] && lim=1536 limt="<= 1.5 MB" || { lim=2253; limt="<= 2.2 MB"; }
		verdict=$(awk -v m="$m" -v l="$lim" 'BEGIN { if (m == "" || m == "nan") print ""; else print (m + 0 <= l ? "met" : "MISS") }')
		echo "| $name | ${d:--} | ${m:--} | ${b:--} | $(ratio "$m" "$d") | $(ratio "$b" "$d") | $limt $verdict |"
	done
	if [ "$cg_enabled" = 1 ]; then
		echo
		echo "## Instructions (callgrind, shell process only, one run)"
		echo
		echo "Per unit = (total - startup) / iterations, or / $gen_lines lines for parse_*."
		echo
		echo "| workload | N | dash Ir | minish Ir | bash Ir | minish/dash | bash/dash | dash /unit | minish /unit | target (minish/dash) |"
		echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
		echo "$workloads" | while read -r name kind n nq ncg target; do
			[ "$ncg" = - ] && continue
			selected "$name" || continue
			d=$(cat "$tmp/ir.$name.dash" 2>/dev/null)
			m=$(cat "$tmp/ir.$name.minish" 2>/dev/null)
			b=$(cat "$tmp/ir.$name.bash" 2>/dev/null)
			rm_=$(ratio "$m" "$d")
			case $name in
			startup) units=1 ;;
			parse_*) units=$gen_lines ;;
			*) units=$ncg ;;
			esac
			ud=$(awk -v v="$d" -v s="$(cat "$tmp/ir.startup.dash" 2>/dev/null)" -v u="$units" -v n="$name" 'BEGIN {
				if (v == "" || v == "-") { print "-"; exit }; if (n == "startup" || s == "" || s == "-") s = 0; printf "%.0f\n", (v - s) / u }')
			um=$(awk -v v="$m" -v s="$(cat "$tmp/ir.startup.minish" 2>/dev/null)" -v u="$units" -v n="$name" 'BEGIN {
				if (v == "" || v == "-") { print "-"; exit }; if (n == "startup" || s == "" || s == "-") s = 0; printf "%.0f\n", (v - s) / u }')
			case $target in
			i*) tc=$(awk -v t="${target#i}" -v r="$rm_" 'BEGIN { if (r == "-") printf "<= %s", t; else printf "<= %s %s (stretch 0.80)", t, (r + 0 <= t + 0 ? "met" : "MISS") }') ;;
			*) tc="(time target above)" ;;
			esac
			echo "| $name | $ncg | ${d:--} | ${m:--}$(mark "$name" minish) | ${b:--}$(mark "$name" bash) | $rm_ | $(ratio "$b" "$d") | $ud | $um | $tc |"
		done
	fi
	echo
	if [ -n "$(echo $mismatches)" ]; then
		echo "OUTPUT MISMATCHES (stdout or status differs from dash; figures marked (!) are not comparable):$mismatches"
	else
		echo "Outputs: minish and bash printed the same as dash on every workload."
	fi
	[ "$failed" = 1 ] && echo "A SHELL CRASHED OR HUNG: see the !!! lines above."
	echo "Total time: $(($(date +%s) - start_s)) s"
}

report >"$tmp/report"
cat "$tmp/report"
[ -n "${BENCH_OUT:-}" ] && cp "$tmp/report" "$BENCH_OUT"
exit "$failed"
