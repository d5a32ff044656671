#!/bin/sh
# tests/fuzz/run.sh OUTDIR SECONDS [TARGET...] -- run the libFuzzer targets
# built by build.sh in OUTDIR for SECONDS each (default: all four), one
# after the other.  The corpus grows in OUTDIR/corpus-TARGET, seeded from
# the golden and differential test scripts (the $((...)) expressions in
# them for the arithmetic target; for heredoc_alias, also the scripts that
# use aliases or here-documents, each with an alias table in front).  Crashes are written to OUTDIR/crashes/
# and make this script fail.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$1
secs=${2:-60}
shift 2 || shift $#
targets=${*:-parser arith expand trace heredoc_alias}

seed() {        # seed TARGET DIR
    mkdir -p "$2"
    [ -n "$(ls -A "$2")" ] && return 0
    i=0
    if [ "$1" = arith ]; then
        find "$root/tests/golden" "$root/tests/diff" -name '*.sh' -exec cat {} + |
            grep -o '\$((\([^()]\|([^()]*)\)*))' | sed 's/^\$((//; s/))$//' | sort -u |
            while IFS= read -r e; do i=$((i + 1)); printf '%s' "$e" > "$2/seed$i"; done
        printf '%s' 'x+=1, y*2 ? 1<<3 : ~0 % 3' > "$2/seed-ops"
    elif [ "$1" = trace ]; then     # JSON Lines events, one per seed
        printf '%s' '{"time":1700000000.123456,"pid":4100,"ppid":4000,"call":"pipe","args":"","result":0,"errno":null,"detail":"[3, 4]","reason":"pipe after '"'ls'"'","job":1,"node":"ls | wc -l"}' > "$2/seed-pipe"
        printf '%s' '{"time":1,"pid":2,"ppid":1,"call":"note","args":null,"result":null,"errno":null,"detail":"a\"b\u00e9\ud83d\ude00</script>","reason":null,"job":null,"node":null,"x":true}' > "$2/seed-note"
    elif [ "$1" = heredoc_alias ]; then
        # ALIASES \001 SCRIPT (see fuzz_heredoc_alias.c), and plain scripts
        # that get the harness's fixed alias table
        grep -rlE '<<|alias' "$root/tests/golden" "$root/tests/diff" "$root/examples" \
            --include='*.sh' 2>/dev/null | while IFS= read -r f; do
            i=$((i + 1))
            cp "$f" "$2/plain$i.sh"
            { printf 'l=ls -1\nh=cat <<E\\nin $x\\nE\\n\nk=fi\n\001'; cat "$f"; } > "$2/alias$i.sh"
        done
        printf 'e x; c; n echo; lb echo; rb\nif_ e; fi_\nhd\nlp e; rp\ncase a in a) e; dd esac\ntwo x; self\n' \
            > "$2/seed-table"
    else
        find "$root/tests/golden" "$root/tests/diff" "$root/examples" -name '*.sh' \
            -exec cp {} "$2/" \; 2>/dev/null || true
    fi
}

mkdir -p "$out/crashes"
status=0
for t in $targets; do
    seed "$t" "$out/corpus-$t"
    echo "== fuzz_$t for ${secs}s"
    # -timeout=120: a loaded machine stalls for seconds (a 10 s limit gave false
    # "timeouts" whose inputs run in 50 ms).  -close_fd_mask=2: the shell's
    # own syntax errors would flood the log; libFuzzer keeps a private
    # stderr for its reports and crashes.
    "$out/fuzz_$t" -max_total_time="$secs" -timeout=120 -rss_limit_mb=2048 -max_len=4096 \
        -close_fd_mask=2 -artifact_prefix="$out/crashes/$t-" \
        -print_final_stats=1 "$out/corpus-$t" > "$out/fuzz-$t.log" 2>&1 || status=1
    grep -E 'stat::number_of_executed_units|Done [0-9]+ runs|ERROR|SUMMARY' "$out/fuzz-$t.log" | head -5 || true
    echo "   corpus: $(ls "$out/corpus-$t" | wc -l) files"
done
exit $status
