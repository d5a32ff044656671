# A thin wrapper around CMake: `make run`, `make test`, `make asan`, `make bench`.
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
DEPS   = cmake gcc make libreadline-dev libcmocka-dev valgrind python3-pexpect dash procps

.PHONY: all deps run test asan bench fuzz clean install

all: $(BUILD)/minish

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD)

$(BUILD)/minish: $(BUILD)/Makefile FORCE
	cmake --build $(BUILD) -j $(JOBS)

FORCE:

# Install the Debian packages the build and the tests need (skipped when present).
deps:
	@missing=$$(for p in $(DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

run: deps all
	$(BUILD)/minish

test: deps all
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps
	cmake -S . -B build-asan -DMINISH_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS) -E valgrind

bench: all
	bench/run.sh $(BUILD)/minish

clean:
	rm -rf $(BUILD) build-asan
