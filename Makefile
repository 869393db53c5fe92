# Taizhang — build, test, benchmark. Every target installs the system packages it needs.
SWIFT ?= swift
RELEASE_FLAGS = -c release --static-swift-stdlib
SYSTEM_PACKAGES = libzmq3-dev libsqlite3-dev sqlite3 tzdata zlib1g-dev pkg-config python3 man-db

.PHONY: all deps build release demo test bench install clean

all: build

# Debian packages: libzmq (CURVE) and SQLite headers, the sqlite3 CLI (benchmark baseline),
# tzdata (the bureau's time zone), zlib and pkg-config (ZIPFoundation, for XLSX exports),
# python3 and man-db (make install writes the man pages; the install test renders them).
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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

# stdout carries only the JSON report; the build's output goes to stderr.
bench: deps
	@$(SWIFT) build $(RELEASE_FLAGS) 1>&2
	@.build/release/taizhang-bench

# The release binaries, bash/zsh/fish completions and man pages (English, and Chinese under
# share/man/zh_CN) under PREFIX; DESTDIR for packaging. scripts/install.sh does the work.
PREFIX ?= /usr/local
install: release
	sh scripts/install.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)" "$(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build
