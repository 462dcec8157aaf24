# The two commands of the README: `make run` and `make test`. Each installs what
# is missing, builds, then serves or tests. Everything real lives in CMake,
# npm and deploy/install-dependencies.sh; this file only chains them.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
# Release: no debug information, so a clean build links in a fraction of the time.
BUILD_TYPE ?= Release

.PHONY: all deps build run test bench format clean

all: build

deps:
	@bash deploy/install-dependencies.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	@cd web && npm run --silent build

run: build
	$(BUILD_DIR)/bin/cqpm serve --data var --port $(PORT) --demo

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/bin/bench_transitions --clients 16 --seconds 10

format:
	@find core tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) web/dist
