#!/bin/sh
# broken_shell.sh -- a deliberately wrong shell for the negative control of
# the differential fuzzer (ctest fuzz_diff_negative, WILL_FAIL): dash with
# pathname expansion turned off.  diff_fuzz.py must report differences.
exec dash -f "$@"
