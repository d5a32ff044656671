# A thin wrapper around CMake.
#   make run    install what is missing, build, start the shell
#   make test   build and run every test: the ctest suite (unit, golden,
#               differential, system, pty, hostile, teaching, Valgrind), the
#               suite again on an ASan+UBSan build, and a short fuzzing run
#   make asan / make fuzz / make bench   one part at a time
#   make fuzz-diff SECONDS=N   differential fuzzing against dash for N seconds
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
# Debian packages: what building needs, and what the tests need besides.
BUILD_DEPS = cmake gcc make libreadline-dev libcmocka-dev
TEST_DEPS  = valgrind python3-pexpect dash procps clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
TEST_FUZZ_SECONDS ?= 20
SECONDS ?= 60

.PHONY: all deps build-deps install-pkgs run test asan bench fuzz fuzz-diff clean

all: $(BUILD)/minish

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD)

$(BUILD)/minish: $(BUILD)/Makefile FORCE
	cmake --build $(BUILD) -j $(JOBS)

FORCE:

# Install the Debian packages that are missing (apt-get; sudo when not root).
build-deps:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(BUILD_DEPS)"

deps:
	@$(MAKE) --no-print-directory install-pkgs PKGS="$(BUILD_DEPS) $(TEST_DEPS)"

install-pkgs:
	@missing=$$(for p in $(PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

run: build-deps all
	$(BUILD)/minish

test: deps all
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS)

asan: deps
	cmake -S . -B build-asan -DMINISH_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS) -E valgrind

# libFuzzer targets (clang), FUZZ_SECONDS each; docs/reliability.md says how to run longer.
fuzz: deps
	tests/fuzz/build.sh build-fuzz
	tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# Differential fuzzing: random scripts in dash and minish, differences shrunk
# to $(BUILD)/fuzz-diff-findings/ (docs/reliability.md).
fuzz-diff: all
	python3 tests/fuzz/diff_fuzz.py $(BUILD)/minish --seconds $(SECONDS)

bench: all
	bench/run.sh $(BUILD)/minish

clean:
	rm -rf $(BUILD) build-asan build-fuzz
