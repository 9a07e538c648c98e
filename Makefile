# Newsroom — two commands do everything on a fresh Debian machine:
#   make run    installs what is missing, builds, opens the window
#   make test   installs what the tests need, runs every test
# `make build` writes bin/newsroom. `make install` (PREFIX=/usr/local,
# DESTDIR honoured) installs it with its desktop entry and icons, `make
# uninstall` removes exactly that, `make package` writes the release
# tarball bin/newsroom-VERSION-linux-ARCH.tar.xz.

GO       ?= go
BIN      := bin/newsroom
# FTS5 full-text search in mattn/go-sqlite3 needs this build tag on every build.
export GOFLAGS := -buildvcs=false -tags=sqlite_fts5
# `newsroom --version`: the version is FyneApp.toml's, the commit this one.
VERSION  := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS  := -X main.commit=$(COMMIT)
PREFIX   ?= /usr/local
DESTDIR  ?=
export PREFIX DESTDIR
STAGE    := bin/stage/usr/local
PACKAGE  := newsroom-$(VERSION)-linux-$(shell $(GO) env GOARCH)

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS := gcc pkg-config libgl1-mesa-dev xorg-dev libhunspell-dev hunspell-en-us hunspell-en-gb
TEST_DEBS  := xvfb xdotool xclip x11-utils imagemagick tesseract-ocr tesseract-ocr-eng chromium libxml2-utils desktop-file-utils
WEBCHECK   := publish/testdata/webcheck

.PHONY: run build test test-readonly test-postgres deps test-deps vet clean bench stage install uninstall package

run: deps build
	./$(BIN)

build: deps
	@mkdir -p bin
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) .

# The installed tree, laid out for /usr/local: the binary, the desktop
# entry and the icon in the hicolor sizes (scaled from assets/icon.png).
stage: build
	rm -rf bin/stage
	install -D -m 0755 $(BIN) $(STAGE)/bin/newsroom
	install -D -m 0644 packaging/newsroom.desktop $(STAGE)/share/applications/newsroom.desktop
	$(GO) run ./tools/iconsizes -src assets/icon.png -out $(STAGE)/share/icons/hicolor -name newsroom

# No root needed with a PREFIX you own: make install PREFIX=$$HOME/.local
install: stage
	sh packaging/install.sh install $(STAGE)

uninstall:
	sh packaging/install.sh uninstall

# The release tarball: the staged tree under usr/local/, with install.sh
# and a Makefile whose install/uninstall work as the ones here.
package: stage
	rm -rf bin/$(PACKAGE) bin/$(PACKAGE).tar.xz
	mkdir -p bin/$(PACKAGE)/usr
	cp -a bin/stage/usr/local bin/$(PACKAGE)/usr/local
	install -m 0644 packaging/install.sh bin/$(PACKAGE)/install.sh
	install -m 0644 packaging/package.mk bin/$(PACKAGE)/Makefile
	tar -C bin --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || echo 0) \
	  -cJf bin/$(PACKAGE).tar.xz $(PACKAGE)
	@echo "wrote bin/$(PACKAGE).tar.xz"

# Installs the Debian packages that are missing (sudo only when not root).
deps:
	@missing=""; for p in $(BUILD_DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

test-deps: deps
	@missing=""; for p in $(TEST_DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; }
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	@if [ ! -d $(WEBCHECK)/node_modules/vnu-jar ] || [ ! -d $(WEBCHECK)/node_modules/axe-core ] || [ ! -d $(WEBCHECK)/node_modules/playwright-core ]; then \
	  cd $(WEBCHECK) && npm install --no-audit --no-fund --silent; fi

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Every test, including the real-window ones (Xvfb + xdotool) and the
# page checks (Nu HTML checker, axe-core in Chromium, xmllint). The window
# tests run after the others, not beside them: they read the screen with
# OCR and measure CPU, and Chromium and Java on the other core made them
# miss their marks now and then. Every test runs under the race detector;
# the binary the window tests drive is built without it.
test: test-deps vet build
	NEWSROOM_REQUIRE_WEBCHECKS=1 NEWSROOM_BIN=$(CURDIR)/$(BIN) $(GO) test -race -count=1 -timeout 40m $$($(GO) list ./... | grep -v '/e2e$$')
	NEWSROOM_BIN=$(CURDIR)/$(BIN) $(GO) test -race -count=1 -timeout 40m ./e2e
	@$(MAKE) --no-print-directory test-readonly
	@$(MAKE) --no-print-directory test-postgres

# The tests that open a newsroom through storage/storetest run a second
# time on PostgreSQL: tools/pgcluster.sh installs Debian's postgresql when
# initdb is missing, starts a throwaway cluster (as the user postgres when
# root, on a unix socket in a temporary folder, trust auth, no TCP), and
# the trap stops and removes it however the tests end.
PG_TESTS := ./storage/... ./intake/
test-postgres: build
	@dir=$$(mktemp -d /tmp/newsroom-pg.XXXXXX) && rmdir $$dir && \
	trap "tools/pgcluster.sh stop $$dir" EXIT && \
	url=$$(tools/pgcluster.sh start $$dir) && echo "PostgreSQL pass on $$url" && \
	NEWSROOM_TEST_POSTGRES=$$url $(GO) test -race -count=1 -timeout 20m $(PG_TESTS) && \
	NEWSROOM_TEST_POSTGRES=$$url $(GO) test -race -count=1 -timeout 10m -run 'TestCopy|TestDBFlag|TestStaffAddOnPostgres' ./cli/ && \
	NEWSROOM_TEST_POSTGRES=$$url $(GO) test -race -count=1 -timeout 10m -run 'TestServerGone|OnPostgres' ./app/ && \
	NEWSROOM_TEST_POSTGRES=$$url NEWSROOM_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 10m -run 'Postgres' ./e2e/

# Root ignores file permissions, so under root (CI) the read-only database
# tests run again as the unprivileged user nobody.
test-readonly:
	@if [ "$$(id -u)" = 0 ]; then \
	  dir=$$(mktemp -d) && chmod 777 $$dir && \
	  $(GO) test -c -o $$dir/storage.test ./storage && chmod 755 $$dir/storage.test && \
	  cd $$dir && setpriv --reuid=65534 --regid=65534 --clear-groups env TMPDIR=$$dir ./storage.test -test.run 'ReadOnly|BadFiles' -test.v | grep -E '^(--- |ok|PASS|FAIL)'; \
	  status=$${PIPESTATUS[0]}; rm -rf $$dir; exit $$status; fi

bench:
	$(GO) test -run XXX -bench . -benchmem ./...

clean:
	rm -rf bin
