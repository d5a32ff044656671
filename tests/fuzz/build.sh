#!/bin/sh
# tests/fuzz/build.sh [OUTDIR] -- build the libFuzzer targets with clang,
# ASan and UBSan.  The main project compiles with gcc, so this compiles
# src/*.c (minus main.c) and each harness directly.  Needs Debian's
# `clang` and `libclang-rt-14-dev` (or any clang with libFuzzer).
#
#   tests/fuzz/build.sh build-fuzz         # -> build-fuzz/fuzz_{parser,arith,expand,trace,heredoc_alias}
#   tests/fuzz/run.sh build-fuzz 60        # run each for 60 s
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build-fuzz}
CC=${CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "build.sh: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 77; }
mkdir -p "$out/obj"
CFLAGS="-std=c11 -g -O1 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -I$root/include
        -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
objs=""
for src in "$root"/src/*.c; do
    name=$(basename "$src" .c)
    [ "$name" = main ] && continue
    obj="$out/obj/$name.o"
    if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find "$root/include" -newer "$obj" -name '*.h' | head -1)" ]; then
        $CC $CFLAGS -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
    fi
    objs="$objs $obj"
done
# the trace viewer's files, built in as byte arrays (see CMakeLists.txt)
v=$root/src/viewer
cmake -DOUT="$out/trace_assets.c" \
      -DASSETS="trace_asset_page=$v/page.html|trace_asset_css=$v/viewer.css|trace_asset_js=$v/viewer.js" \
      -P "$root/cmake/embed.cmake"
$CC $CFLAGS -c "$out/trace_assets.c" -o "$out/obj/trace_assets.o"
objs="$objs $out/obj/trace_assets.o"
for t in parser arith expand trace heredoc_alias; do
    $CC $CFLAGS -fsanitize=fuzzer "$here/fuzz_$t.c" $objs -lreadline -o "$out/fuzz_$t"
done
echo "built $out/fuzz_parser $out/fuzz_arith $out/fuzz_expand $out/fuzz_trace $out/fuzz_heredoc_alias"
