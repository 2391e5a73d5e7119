# Front door: `make run` and `make test` install what is missing, build, and run.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PACKAGES := cmake g++ make pkg-config libpq-dev libpg-query-dev postgresql-server-dev-15 libprotobuf-c-dev \
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libfmt-dev libsodium-dev libsimdjson-dev \
  googletest libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 postgresql-client-15 \
  clang-format time chromium python3
FLICK := $(BUILD_DIR)/tools/flick/flick
# `make fuzz` and `make sanitize-test` only: clang with libFuzzer and the sanitizer runtimes, and
# llvm-symbolizer for readable stack traces. `make test` never needs them.
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev llvm-14
FUZZ_DIR := build-fuzz
FUZZ_SECONDS ?= 30
# The suites `ctest -L unit` runs (no PostgreSQL): the gtest_discover_tests(... LABELS unit) lines.
UNIT_TESTS = ${shell sed -n 's/^gtest_discover_tests(\([A-Za-z0-9_]*\) .*LABELS unit.*/\1/p' \
  tests/*/CMakeLists.txt}
SANITIZER_ENV := ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0
# flick docs --serve serves mermaid from here (npm registry; never committed).
MERMAID_VERSION := 11.17.2
MERMAID_JS := third_party_npm/node_modules/mermaid/dist/mermaid.min.js

.PHONY: deps fuzz-deps build build-flick run test fuzz sanitize-test robustness install format bench clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q "install ok installed" || echo $$p; done); \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

fuzz-deps: deps
	@missing=$$(for p in $(FUZZ_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

$(MERMAID_JS):
	@command -v npm >/dev/null || { echo "npm is missing: it installs mermaid for flick docs --serve"; exit 1; }
	npm install --prefix third_party_npm --no-audit --no-fund --fetch-retries=1 \
	  --fetch-timeout=60000 mermaid@$(MERMAID_VERSION) || \
	  { echo "npm install mermaid@$(MERMAID_VERSION) failed: is the npm registry reachable?"; exit 1; }

build: deps $(BUILD_DIR)/CMakeCache.txt $(MERMAID_JS)
	cmake --build $(BUILD_DIR) -j$(JOBS)

# Only the flick binary and the libraries it links: no tests, no benchmarks.
build-flick: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) --target flick -j$(JOBS)

run: build-flick
	examples/flick/run.sh $(FLICK)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

# The ASan + UBSan tree (clang-14): libFuzzer targets and the unit tests, apart from $(BUILD_DIR).
$(FUZZ_DIR)/CMakeCache.txt:
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DFLICK_FUZZ=ON -DFLICK_SANITIZE=ON \
	  $$(command -v ccache >/dev/null && echo -DCMAKE_C_COMPILER_LAUNCHER=ccache \
	    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# Each libFuzzer target of tests/fuzz for FUZZ_SECONDS on a scratch copy of its committed corpus
# (tests/fuzz/README.md); fails on any crash, timeout, leak or OOM.
fuzz: fuzz-deps $(FUZZ_DIR)/CMakeCache.txt
	cmake --build $(FUZZ_DIR) --target fuzz_targets -j$(JOBS)
	tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# The unit tests (ctest label `unit`: no PostgreSQL) built and run with ASan + UBSan, except the
# 1000-table diff timings (DiffPerformance), ten full diffs that the sanitizers make slow.
sanitize-test: fuzz-deps $(FUZZ_DIR)/CMakeCache.txt
	cmake --build $(FUZZ_DIR) --target $(UNIT_TESTS) -j$(JOBS)
	cd $(FUZZ_DIR) && $(SANITIZER_ENV) ctest -L unit -E '^DiffPerformance\.' --output-on-failure \
	  -j$(JOBS)

# All 1,000 cases of the malformed-input run (make test runs the first 250) and its table for
# docs/robustness.md.
robustness: build-flick
	python3 tests/robustness/malformed_run.py $(FLICK) --seed 1 --cases 1000 --jobs 2 \
	  --timeout 10 --report $(BUILD_DIR)/malformed_run.md --keep $(BUILD_DIR)/malformed_failures

# PREFIX=/usr/local by default: bin/flick and bin/flick-core, the libraries, include/flick, the CMake package
# (find_package(flick)) and the pkg-config files.
PREFIX ?= /usr/local
install: build-flick
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

bench: build
	bench/run.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR)
