# The two commands of the README: `make run` and `make test`. Each installs what
# is missing, builds, then serves or tests. Everything real lives in CMake,
# npm and deploy/install-dependencies.sh; this file only chains them.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080
# Release: no debug information, so a clean build links in a fraction of the time.
BUILD_TYPE ?= Release

.PHONY: all deps build run test lint test-sanitize fuzz bench format clean

all: build

deps:
	@bash deploy/install-dependencies.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	@cd web && npm run --silent build

run: build
	$(BUILD_DIR)/bin/cqpm serve --data var --port $(PORT) --demo

test: build lint
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) \
	  || { $(CURDIR)/tests/support/print_failed_output.sh . ; exit 8; }

# clang-format, clang-tidy (.clang-tidy), Redocly on the OpenAPI document, tsc and ESLint on the web
# (tests/lint/lint_all.sh lists them). Before the tests, not beside them: at nice 19 beside ctest it
# still slowed the tests by a third (2 vCPUs share their caches) and ended later (measured 2026-12-04).
LINT_DIR ?= build-lint
lint: deps
	@tests/lint/lint_all.sh $(LINT_DIR) $(JOBS)

# libFuzzer harnesses (tests/fuzz/), built with clang, ASan and UBSan in
# build-fuzz/, each run for FUZZ_SECONDS; prints runs and crashes per harness.
FUZZ_SECONDS ?= 300
FUZZ_DIR ?= build-fuzz
fuzz: deps
	@cmake -S tests/fuzz -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++ >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS)
	@tests/fuzz/run_fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# The server and every test suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-sanitize/, then ctest there, benchmarks
# left out (the sanitizers distort the times and memory they measure). Long
# (see README); not part of `make test`.
SANITIZE_DIR ?= build-sanitize
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Release -DCQPM_JEMALLOC=OFF -DCMAKE_CXX_FLAGS="$(SANITIZE_FLAGS)" \
	  -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE_FLAGS)" >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	@cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) -LE bench

# Every benchmark of tests/bench/ at its full settings, one after the other
# (about 3 minutes on the 2-vCPU VM), then one table: figure, baseline,
# ratio, target, met. BENCH_FLAGS=--quick for the smoke settings, --strict to
# fail on a missed target (tests/bench/README.md).
BENCH_FLAGS ?=
bench: build
	@tests/bench/run_all.sh --bin-dir $(BUILD_DIR)/bin $(BENCH_FLAGS)

format:
	@find core tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR) $(SANITIZE_DIR) $(LINT_DIR) web/dist
