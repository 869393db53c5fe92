# Taizhang — build, test, benchmark. Every target installs the system packages it needs.
SWIFT ?= swift
RELEASE_FLAGS = -c release --static-swift-stdlib
SYSTEM_PACKAGES = libzmq3-dev libsqlite3-dev sqlite3 tzdata zlib1g-dev pkg-config python3 man-db libpq-dev
# The real parts the tests drive: LibreOffice (the export opened in a spreadsheet program and
# printed to PDF), a CJK font, poppler (pdftotext/pdftoppm), Chromium and its WebDriver (the
# dashboard in a browser), faketime, tmux (the terminal at 80 columns), openssl and curl (the
# dashboard under TLS with a self-signed certificate), PostgreSQL's server (initdb, postgres,
# pg_basebackup, pgbench: the tests' and the bench's own clusters). Python's openpyxl reads the XLSX as a
# second implementation would; pyzmq (its wheel bundles libzmq with CURVE) carries the
# independent agent of Tests/Interop, the protocol document's acceptance test.
TEST_PACKAGES = libreoffice-calc fonts-noto-cjk poppler-utils chromium chromium-driver faketime tmux man-db openssl curl postgresql
PYTHON_TEST_PACKAGES = openpyxl==3.1.5 pyzmq==27.3.0

.PHONY: all deps test-deps apt-install build release demo dashboard test bench fuzz install clean

all: build

# Debian packages: libzmq (CURVE) and SQLite headers, the sqlite3 CLI (benchmark baseline),
# tzdata (the bureau's time zone), zlib and pkg-config (ZIPFoundation, for XLSX exports),
# python3, and man-db (the install test renders the man pages),
# libpq-dev (the PostgreSQL client, PostgresClient). Installed with apt-get only when missing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(SYSTEM_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_PACKAGES)"
	@python3 -c 'import openpyxl, zmq' 2>/dev/null || python3 -m pip install -q $(PYTHON_TEST_PACKAGES) 1>&2

apt-install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing" >&2; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; } 1>&2; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

# The seed bureau live on this machine: a hub and one agent per office over loopback, the
# year 2008 recorded through the agents, the totals and the December export (scripts/demo.sh).
demo: release
	bash scripts/demo.sh

# The seed bureau of `make demo`, then its hub and the operator's dashboard on
# http://127.0.0.1:8447/ until Ctrl-C, with a demo operator's login printed (scripts/dashboard.sh).
dashboard: release
	bash scripts/dashboard.sh

# Every test, then a check that the suite left none of the processes it started running.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	@status=0; $(SWIFT) test --skip-build --disable-swift-testing || status=$$?; \
	  bash scripts/check-leftover-processes.sh || status=1; exit $$status

# stdout carries only the JSON report; the build's output goes to stderr.
bench: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="postgresql"
	@$(SWIFT) build $(RELEASE_FLAGS) 1>&2
	@.build/release/taizhang-bench

# The release binaries, bash/zsh/fish completions and man pages (English; made by
# swift-argument-parser's generate-manual, built here from the package's own dependency)
# under PREFIX; DESTDIR for packaging. scripts/install.sh does the work.
PREFIX ?= /usr/local
install: release
	$(SWIFT) build $(RELEASE_FLAGS) --product generate-manual
	sh scripts/install.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)" "$(DESTDIR)$(PREFIX)"

# The wire codec under libFuzzer (coverage-guided, AddressSanitizer) for FUZZ_SECONDS, growing
# the committed corpus in Tests/FuzzCorpus/wire; the suite replays that corpus on every run.
# SwiftPM gives an executable its own main, so the harness calls libFuzzer's driver from it
# (the no-main runtime) instead of using -sanitize=fuzzer's main.
FUZZ_SECONDS ?= 60
FUZZ_RUNTIME = $(shell find "$$(dirname "$$(dirname "$$(command -v swiftc)")")/lib/clang" -name libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)
fuzz: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product taizhang-fuzz -Xswiftc -DFUZZING \
	  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	  -Xlinker $(FUZZ_RUNTIME) -Xlinker -lstdc++
	mkdir -p Tests/FuzzCorpus/wire
	.build-fuzz/release/taizhang-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 Tests/FuzzCorpus/wire

clean:
	rm -rf .build
