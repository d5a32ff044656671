#!/bin/sh
# check_install.sh SRC BUILD_DIR PREFIX BINDIR MANDIR DATADIR -- what
# `make install` and `cmake --install` put under DESTDIR + PREFIX (the
# binary, the man page, the examples), that `--prefix` / PREFIX= moves them,
# and that `make uninstall` leaves no file behind.  Nothing is installed
# outside a temporary DESTDIR.
set -u
src=$1 build=$2 prefix=$3 bindir=$4 mandir=$5 datadir=$6
dest=$(mktemp -d) || exit 1
trap 'rm -rf "$dest"' EXIT
fail=0
unset MAKEFLAGS MAKELEVEL     # a make of our own, not a part of the caller's

check() {   # check DIR: every file exists there, the binary runs
    if [ ! -x "$1/$bindir/minish" ]; then
        echo "FAIL: $1/$bindir/minish missing"; fail=1
    elif ! "$1/$bindir/minish" --version | grep -q '^minish '; then
        echo "FAIL: installed minish --version"; fail=1
    fi
    [ -f "$1/$mandir/man1/minish.1" ] || { echo "FAIL: $1/$mandir/man1/minish.1 missing"; fail=1; }
    for e in "$src"/examples/*.sh; do
        f=$1/$datadir/doc/minish/examples/$(basename "$e")
        cmp -s "$e" "$f" || { echo "FAIL: example $f missing or different"; fail=1; }
    done
}

# the configured CMAKE_INSTALL_PREFIX, under DESTDIR
DESTDIR=$dest/a cmake --install "$build" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
check "$dest/a$prefix"
# another prefix at install time
DESTDIR=$dest/b cmake --install "$build" --prefix /opt/minish-test >/dev/null ||
    { echo "FAIL: cmake --install --prefix"; exit 1; }
check "$dest/b/opt/minish-test"

# make install / make uninstall, with PREFIX and DESTDIR
mk() { make -s --no-print-directory -C "$src" "$@" BUILD="$build" PREFIX=/usr/local DESTDIR="$dest/c"; }
mk install >/dev/null || { echo "FAIL: make install"; exit 1; }
check "$dest/c/usr/local"
mk uninstall >/dev/null || { echo "FAIL: make uninstall"; exit 1; }
left=$(find "$dest/c" ! -type d)
[ -z "$left" ] || { echo "FAIL: make uninstall left:"; echo "$left"; fail=1; }

[ "$fail" = 0 ] && echo "install ok"
exit "$fail"
