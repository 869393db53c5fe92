# Taizhang — build, test, benchmark. Every target installs the system packages it needs.
SWIFT ?= swift
RELEASE_FLAGS = -c release --static-swift-stdlib
SYSTEM_PACKAGES = libzmq3-dev libsqlite3-dev sqlite3 tzdata zlib1g-dev pkg-config

.PHONY: all deps build release demo dashboard test bench clean

all: build

# Debian packages: libzmq (CURVE) and SQLite headers, the sqlite3 CLI (benchmark baseline),
# tzdata (the bureau's time zone), zlib and pkg-config (ZIPFoundation, for XLSX exports).
# Installed with apt-get only when missing.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

# stdout carries only the JSON report; the build's output goes to stderr.
bench: deps
	@$(SWIFT) build $(RELEASE_FLAGS) 1>&2
	@.build/release/taizhang-bench

clean:
	rm -rf .build
