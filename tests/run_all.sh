#!/bin/sh
# run_all.sh [BUILD [JOBS [FUZZ_SECONDS]]] -- what `make test` runs: every
# phase, each one even when an earlier one failed, then one summary.
#
#   configure  cmake -S . -B BUILD, every time: a tool installed since the
#              last run gets its tests registered
#   build      cmake --build BUILD
#   ctest      the whole suite (unit, golden, diff, sys, pty, hostile,
#              teaching, install, Valgrind)
#   asan       the suite again on an ASan+UBSan build (Valgrind excluded)
#   fuzz       each libFuzzer target for FUZZ_SECONDS seconds
#
# A phase that cannot run because an earlier one it needs failed (ctest
# without a build) is reported as "not run".  Exit 1 if any phase failed.
set -u
build=${1:-build}
jobs=${2:-$(nproc 2>/dev/null || echo 2)}
fuzz_seconds=${3:-20}
cd "$(dirname "$0")/.." || exit 2

summary=""
failed=0
start_all=$(date +%s)

# phase NAME COMMAND...: run it, time it, remember the outcome
phase() {
    name=$1
    shift
    echo "==== $name: $*"
    t0=$(date +%s)
    "$@"
    st=$?
    secs=$(($(date +%s) - t0))
    if [ "$st" = 0 ]; then
        result="passed"
    else
        result="FAILED (exit $st)"
        failed=$((failed + 1))
    fi
    summary="$summary$(printf '  %-10s %-18s %5d s' "$name" "$result" "$secs")
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
        ctest --test-dir build-asan --output-on-failure -j "$jobs" -E valgrind
}

fuzz() {
    tests/fuzz/build.sh build-fuzz && tests/fuzz/run.sh build-fuzz "$fuzz_seconds"
}

if phase configure cmake -S . -B "$build" && phase build cmake --build "$build" -j "$jobs"; then
    phase ctest ctest --test-dir "$build" --output-on-failure -j "$jobs"
else
    not_run ctest "no build"
fi
phase asan asan
phase fuzz fuzz

total=$(($(date +%s) - start_all))
echo
echo "==== make test summary ($total s in all)"
printf '%s' "$summary"
if [ "$failed" = 0 ]; then
    echo "all phases passed"
    exit 0
fi
echo "$failed phase(s) failed or did not run"
exit 1
