# Front door: `make run` and `make test` install what is missing, build, and run.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PACKAGES := cmake g++ make pkg-config libpq-dev libpg-query-dev libprotobuf-c-dev \
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libfmt-dev libsodium-dev \
  googletest libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 postgresql-client-15 \
  clang-format time chromium
FLICK := $(BUILD_DIR)/tools/flick/flick
# flick docs --serve serves mermaid from here (npm registry; never committed).
MERMAID_VERSION := 11.17.2
MERMAID_JS := third_party_npm/node_modules/mermaid/dist/mermaid.min.js

.PHONY: deps build build-flick run test install format bench clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q "install ok installed" || echo $$p; done); \
	command -v npm >/dev/null || missing="$$missing npm"; \
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

# PREFIX=/usr/local by default: bin/flick, the libraries, include/flick, the CMake package
# (find_package(flick)) and the pkg-config files.
PREFIX ?= /usr/local
install: build-flick
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

bench: build
	bench/run.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
