#!/usr/bin/env python3
"""Run every test_* function of every tests/pty/test_*.py file.

Usage: MINISH=build/minish python3 tests/pty/run.py [NAME-SUBSTRING]
Prints one line per test and 'N passed, N failed' last; exits 1 on failure.
"""
import importlib.util
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ptyshell  # noqa: E402


def load(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ''
    if not os.access(ptyshell.MINISH, os.X_OK):
        print('minish binary not found: %s (set MINISH)' % ptyshell.MINISH)
        print('0 passed, 1 failed')
        return 1
    passed = failed = 0
    for fname in sorted(os.listdir(HERE)):
        if not (fname.startswith('test_') and fname.endswith('.py')):
            continue
        mod = load(os.path.join(HERE, fname))
        for name in sorted(n for n in dir(mod) if n.startswith('test_')):
            fn = getattr(mod, name)
            if not callable(fn) or only not in '%s.%s' % (fname, name):
                continue
            start = time.time()
            try:
                fn()
            except Exception:
                failed += 1
                print('FAIL %s::%s' % (fname, name))
                traceback.print_exc(limit=3)
            else:
                passed += 1
                print('ok   %s::%s (%.1fs)' % (fname, name, time.time() - start))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
