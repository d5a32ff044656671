#!/bin/sh
# check_install.sh BUILD_DIR PREFIX BINDIR MANDIR -- `cmake --install` puts the
# binary and the man page under DESTDIR + PREFIX, and `--prefix` moves them.
# Nothing is installed outside a temporary DESTDIR.
set -u
build=$1 prefix=$2 bindir=$3 mandir=$4
dest=$(mktemp -d) || exit 1
trap 'rm -rf "$dest"' EXIT
fail=0

check() {   # check DIR: both files exist there, the binary runs
    if [ ! -x "$1/$bindir/minish" ]; then
        echo "FAIL: $1/$bindir/minish missing"; fail=1
    elif ! "$1/$bindir/minish" --version | grep -q '^minish '; then
        echo "FAIL: installed minish --version"; fail=1
    fi
    if [ ! -f "$1/$mandir/man1/minish.1" ]; then
        echo "FAIL: $1/$mandir/man1/minish.1 missing"; fail=1
    fi
}

# the configured CMAKE_INSTALL_PREFIX, under DESTDIR
DESTDIR=$dest/a cmake --install "$build" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
check "$dest/a$prefix"
# another prefix at install time
DESTDIR=$dest/b cmake --install "$build" --prefix /opt/minish-test >/dev/null ||
    { echo "FAIL: cmake --install --prefix"; exit 1; }
check "$dest/b/opt/minish-test"
[ "$fail" = 0 ] && echo "install ok"
exit "$fail"
