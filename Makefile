# Licensor's build. `make run` starts the server on its embedded defaults; `make test` installs
# whatever the tests need that is missing (see scripts/tools.sh) and runs every test.

export GOTOOLCHAIN := go1.27.3
# Where scripts/tools.sh caches what it builds and downloads, outside the checkout.
export LICENSOR_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/licensor
TOOLS_BIN := $(LICENSOR_CACHE)/bin
GO      ?= go
BIN     := bin/licensor
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# The commit is passed too: the go command's own VCS stamp is off where GOFLAGS=-buildvcs=false.
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X github.com/licensorhq/licensor/internal/buildinfo.Version=$(VERSION) \
           -X github.com/licensorhq/licensor/internal/buildinfo.Commit=$(COMMIT)
UI      := internal/webui/dist/index.html
WEB_SRC := $(shell find web/src web/public web/index.html web/package.json web/vite.config.ts \
             -type f 2>/dev/null)

.PHONY: run build web tools test check test-go test-dynamodb test-web e2e bench clean

## run: build the web UI when needed, then start `licensor serve` on the embedded defaults.
run: $(UI) build
	$(BIN) serve

## build: the licensor binary, with the web UI that was last built embedded.
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/licensor

## web: build the web UI into internal/webui/dist, where the binary embeds it from.
web: $(UI)

$(UI): web/node_modules/.installed $(WEB_SRC)
	cd web && npm run build

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

## tools: install the test tools into the cache (see scripts/tools.sh).
tools:
	@scripts/tools.sh >/dev/null

## test: every check and test: Go, TypeScript and the browser.
test: tools
	$(MAKE) check test-go test-dynamodb test-web e2e


## check: formatting, vet, staticcheck and govulncheck (offline, against the vulndb module).
check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(TOOLS_BIN)/staticcheck ./...
	$(TOOLS_BIN)/govulncheck -db file://$$(cat $(LICENSOR_CACHE)/vulndb.dir)/data/osv ./...

## test-go: the Go tests on the SQLite engine, with real Mailpit, DynamoDB Local and versitygw.
test-go:
	LICENSOR_REQUIRE_TOOLS=1 $(GO) test -count=1 ./...

## test-dynamodb: the domain tests again, on the DynamoDB engine (DynamoDB Local).
test-dynamodb:
	LICENSOR_REQUIRE_TOOLS=1 LICENSOR_TEST_STORE=dynamodb $(GO) test -count=1 $(DOMAIN_PKGS)

# DOMAIN_PKGS are the packages whose tests open their store through teststore: every one of them
# runs on both engines, including those added after this line was written.
DOMAIN_PKGS = $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) list -f '{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}' \
                ./... | awk '/internal\/store\/teststore( |$$)/ && $$1 !~ /internal\/store\// { print $$1 }')

## test-web: generated API types up to date, types, lint, formatting and unit tests.
test-web: web/node_modules/.installed
	cd web && npm run check:api && npm run typecheck && npm run lint && npm run format:check
	cd web && npm test

## e2e: the browser tests in Chromium against a freshly built binary.
e2e: web build
	cd web && LICENSOR_BIN=$(CURDIR)/$(BIN) npm run e2e

## bench: the storage benchmarks (figures in docs/performance.md).
bench:
	$(GO) test -run '^$$' -bench . -benchtime 2s ./internal/store/... ./internal/feed/...

clean:
	rm -rf bin web/node_modules
