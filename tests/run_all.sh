#!/bin/sh
# run_all.sh [BUILD [JOBS [FUZZ_SECONDS [PHASES]]]] -- what `make test` runs:
# every phase, each one even when an earlier one failed, then one summary.
# PHASES (default "configure build ctest asan fuzz") picks some: `make asan`
# and `make fuzz` run one each.
#
#   configure  cmake -S . -B BUILD, every time: a tool installed since the
#              last run gets its tests registered
#   build      cmake --build BUILD
#   ctest      the whole suite (unit, golden, diff, sys, pty, hostile,
#              teaching, install, Valgrind)
#   asan       the suite again on an ASan+UBSan build, minus what would
#              only repeat the first run: Valgrind, the spawn-mode copies of
#              the golden and diff tests (each mode also runs under ASan as
#              the default where it is chosen), the tests that check dash or
#              bash rather than minish, and the install and static checks
#   fuzz       the libFuzzer targets for FUZZ_SECONDS seconds, side by side
#
# A phase that cannot run because an earlier one it needs failed (ctest
# without a build) is reported as "not run".  Exit 1 if any phase failed.
set -u
build=${1:-build}
jobs=${2:-$(nproc 2>/dev/null || echo 2)}
fuzz_seconds=${3:-20}
phases=${4:-configure build ctest asan fuzz}
# trace_strace: ASan's runtime makes calls of its own that the trace rightly does not narrate
asan_exclude='valgrind|_spawn_|_dash$|^hostile_negative_env$|^install|^docs$|^layers$|^trace_strace$'
cd "$(dirname "$0")/.." || exit 2

summary=""
failed=0
start_all=$(date +%s)

# CPU seconds (user + system) used by the children waited for so far: on a
# busy machine a fairer figure than the wall-clock time
# (`times` runs in this shell, not in a $(...) subshell that has no children)
times_file=$(mktemp) || exit 2
trap 'rm -f "$times_file"' EXIT
cpu() {
    times > "$times_file"
    cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
                         printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$times_file")
}

# phase NAME COMMAND...: run it, time it, remember the outcome
phase() {
    name=$1
    shift
    echo "==== $name: $*"
    t0=$(date +%s)
    cpu
    c0=$cpu
    "$@"
    st=$?
    secs=$(($(date +%s) - t0))
    cpu
    cpus=$((cpu - c0))
    if [ "$st" = 0 ]; then
        result="passed"
    else
        result="FAILED (exit $st)"
        failed=$((failed + 1))
    fi
    summary="$summary$(printf '  %-10s %-18s %5d s  (%d s of CPU)' "$name" "$result" "$secs" "$cpus")
"
    return "$st"
}

not_run() {   # not_run NAME WHY
    failed=$((failed + 1))
    summary="$summary$(printf '  %-10s %-18s (%s)' "$1" "NOT RUN" "$2")
"
}

asan() {
    cmake -S . -B build-asan -DMINISH_SANITIZE=ON &&
        cmake --build build-asan -j "$jobs" &&
        ctest --test-dir build-asan --output-on-failure -j "$jobs" -E "$asan_exclude"
}

# The targets side by side (tests/fuzz/run.sh runs them one after the
# other): FUZZ_SECONDS of wall-clock time in all instead of five times that.
fuzz() {
    tests/fuzz/build.sh build-fuzz || return
    pids=""
    for t in parser arith expand trace heredoc_alias; do
        tests/fuzz/run.sh build-fuzz "$fuzz_seconds" "$t" > "build-fuzz/run-$t.out" 2>&1 &
        pids="$pids $!"
    done
    st=0
    for p in $pids; do
        wait "$p" || st=1
    done
    cat build-fuzz/run-*.out
    return "$st"
}

wanted() { case " $phases " in *" $1 "*) return 0;; esac; return 1; }

built=yes
if wanted configure; then
    phase configure cmake -S . -B "$build" || built=no
fi
if wanted build && [ "$built" = yes ]; then
    phase build cmake --build "$build" -j "$jobs" || built=no
fi
if wanted ctest; then
    if [ "$built" = yes ]; then
        phase ctest ctest --test-dir "$build" --output-on-failure -j "$jobs"
    else
        not_run ctest "no build"
    fi
fi
if wanted asan; then phase asan asan; fi
if wanted fuzz; then phase fuzz fuzz; fi

total=$(($(date +%s) - start_all))
echo
cpu
echo "==== summary: $total s in all, $cpu s of CPU on $(nproc 2>/dev/null) cores"
printf '%s' "$summary"
if [ "$failed" = 0 ]; then
    echo "all phases passed"
    exit 0
fi
echo "$failed phase(s) failed or did not run"
exit 1
