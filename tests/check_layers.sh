#!/usr/bin/env bash
# check_layers.sh -- enforce the include rule of STYLE.md section 3: a file
# may include its own module's headers and headers of LOWER layers only.
# An upward or same-layer include between two modules is a violation.
#
# Usage: check_layers.sh [ROOT]        (ROOT defaults to the repository)
#        check_layers.sh --graph [ROOT] (print every quoted include, no check)
#
# ---------------------------------------------------------------------------
# THE LAYER MAP.  One line per layer: "LAYER  module module ...".
# A module is a file's base name without .c/.h, after these renames:
#     bi_*.c, bi.h   -> builtins      exec_*.c -> exec      trace_*.c -> trace
# Lower numbers are closer to the kernel.  Adjust here when the design moves.
# (STYLE.md's sketch has 8 layers; the real graph needs a few more steps:
#  arena and strbuf call diag's xmalloc, funcs and arith include L2 headers,
#  signals.c needs struct shell for traps, and repl.c includes input.h.)
read -r -d '' LAYERS <<'MAP'
0  diag trace
1  arena strbuf sys
2  ast vars jobs redir path
3  lexer funcs arith
4  shell
5  parser expand signals history
6  builtins
7  exec
8  prompt complete
9  input
10 repl
11 main
MAP
# ---------------------------------------------------------------------------
set -u

graph=0
if [ "${1:-}" = --graph ]; then graph=1; shift; fi
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}

declare -A layer
while read -r n mods; do
    for m in $mods; do layer[$m]=$n; done
done <<< "$LAYERS"

# module FILE: the module a file or header name belongs to.
module() {
    local b
    b=$(basename "$1"); b=${b%.[ch]}
    case $b in
        bi_*|bi) echo builtins ;;
        exec_*)  echo exec ;;
        trace_*) echo trace ;;
        *)       echo "$b" ;;
    esac
}

errors=0
for f in "$root"/src/*.[ch] "$root"/include/*.h; do
    [ -e "$f" ] || continue
    rel=${f#"$root"/}
    me=$(module "$f")
    if [ -z "${layer[$me]+x}" ]; then
        echo "$rel: module '$me' is not in the layer map of tests/check_layers.sh"
        errors=$((errors + 1))
        continue
    fi
    # Only quoted includes are ours; <...> are libc and libraries.
    while IFS=: read -r lineno inc; do
        inc=${inc#*\"}; inc=${inc%%\"*}
        dep=$(module "$inc")
        if [ "$graph" = 1 ]; then
            echo "$me(L${layer[$me]}) -> $dep(L${layer[$dep]:-?})   $rel:$lineno"
            continue
        fi
        [ "$dep" = "$me" ] && continue
        if [ -z "${layer[$dep]+x}" ]; then
            echo "$rel:$lineno: includes \"$inc\": module '$dep' is not in the layer map"
            errors=$((errors + 1))
        elif [ "${layer[$dep]}" -ge "${layer[$me]}" ]; then
            echo "$rel:$lineno: $me (L${layer[$me]}) must not include \"$inc\" ($dep, L${layer[$dep]})"
            errors=$((errors + 1))
        fi
    done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f")
done

[ "$graph" = 1 ] && exit 0
if [ "$errors" -gt 0 ]; then
    echo "$errors layering violation(s); see the map at the top of tests/check_layers.sh"
    exit 1
fi
echo "layers ok"
