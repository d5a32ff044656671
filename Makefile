# A thin wrapper around CMake.
#   make run        install the build packages, build, start the shell
#   make test       install the test packages, configure, build, then run
#                   every phase (tests/run_all.sh): the ctest suite (unit,
#                   golden, differential, system, pty, hostile, teaching,
#                   install, Valgrind), the suite again on an ASan+UBSan
#                   build, and a short fuzzing run; one summary at the end
#   make install    binary, man page and examples under $(DESTDIR)$(PREFIX)
#   make uninstall  remove them again
#   make deb        a Debian package (CPack) in $(BUILD)
#   make asan / make fuzz / make bench   one part at a time
#   make fuzz-diff SECONDS=N   differential fuzzing against dash for N seconds
BUILD  ?= build
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
DESTDIR ?=
# The Debian packages: what building needs, and what the tests need besides.
# This is the one list: .ci/run installs it through `make test-deps`.
BUILD_DEPS = cmake gcc make libreadline-dev libcmocka-dev
TEST_DEPS  = valgrind python3-pexpect dash procps clang libclang-rt-14-dev \
             man-db strace graphviz chromium tmux
FUZZ_SECONDS ?= 60
TEST_FUZZ_SECONDS ?= 20
SECONDS ?= 60

.PHONY: all configure build-deps test-deps deps install-pkgs print-deps run test \
        asan bench fuzz fuzz-diff install uninstall deb clean FORCE

all: $(BUILD)/minish

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD)

# Configure again even when $(BUILD) exists: tools installed since the last
# run (valgrind, pexpect, dash) then get their tests registered.
configure:
	cmake -S . -B $(BUILD)

$(BUILD)/minish: $(BUILD)/Makefile FORCE
	cmake --build $(BUILD) -j $(JOBS)

FORCE:

# Install the Debian packages that are missing (apt-get; sudo when not root),
# without their recommends.
build-deps:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(BUILD_DEPS)"

test-deps:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(BUILD_DEPS) $(TEST_DEPS)"

deps: test-deps

print-deps:
	@echo $(BUILD_DEPS) $(TEST_DEPS)

install-pkgs:
	@missing=$$(for p in $(PKGS); do \
	              dpkg-query -W -f '$${Status}\n' $$p 2>/dev/null | grep -q ' installed$$' || echo $$p; \
	            done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing:" $$missing; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: build-deps all
	$(BUILD)/minish

# Every phase runs even when an earlier one fails; the summary comes last.
test: test-deps
	@tests/run_all.sh $(BUILD) $(JOBS) $(TEST_FUZZ_SECONDS)

asan: test-deps
	@tests/run_all.sh $(BUILD) $(JOBS) $(FUZZ_SECONDS) asan

# libFuzzer targets (clang), FUZZ_SECONDS each; docs/reliability.md says how to run longer.
fuzz: test-deps
	@tests/run_all.sh $(BUILD) $(JOBS) $(FUZZ_SECONDS) fuzz

# Differential fuzzing: random scripts in dash and minish, differences shrunk
# to $(BUILD)/fuzz-diff-findings/ (docs/reliability.md).
fuzz-diff: all
	python3 tests/fuzz/diff_fuzz.py $(BUILD)/minish --seconds $(SECONDS)

bench: all
	bench/run.sh $(BUILD)/minish

# cmake --install knows the layout (CMakeLists.txt); DESTDIR is for packagers.
install: all
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

# The same files as CMakeLists.txt's install() rules (the install test checks
# that nothing is left behind).
uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/minish" "$(DESTDIR)$(PREFIX)/share/man/man1/minish.1"
	rm -rf "$(DESTDIR)$(PREFIX)/share/doc/minish"

deb: all
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD) build-asan build-fuzz
