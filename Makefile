# Newsroom — two commands do everything on a fresh Debian machine:
#   make run    installs what is missing, builds, opens the window
#   make test   installs what the tests need, runs every test
# `make build` writes bin/newsroom.

GO       ?= go
BIN      := bin/newsroom
# FTS5 full-text search in mattn/go-sqlite3 needs this build tag on every build.
export GOFLAGS := -buildvcs=false -tags=sqlite_fts5

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_DEBS  := xvfb xdotool x11-utils imagemagick tesseract-ocr tesseract-ocr-eng chromium libxml2-utils
WEBCHECK   := publish/testdata/webcheck

.PHONY: run build test test-readonly deps test-deps vet clean bench

run: deps build
	./$(BIN)

build: deps
	@mkdir -p bin
	$(GO) build -o $(BIN) .

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
