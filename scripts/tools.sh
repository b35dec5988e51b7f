#!/usr/bin/env bash
# Installs what the tests need and is missing, into a cache that outlives the checkout, so that a
# second `make test` installs nothing. Prints the cache directory's bin folder on success.
set -euo pipefail

cache=${LICENSOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/licensor}
bin=$cache/bin
mkdir -p "$bin"
export GOBIN=$bin
export GOTOOLCHAIN=${GOTOOLCHAIN:-go1.27.3}

log() { printf 'tools: %s\n' "$*" >&2; }

go_tool() { # name module@version
	local name=$1 mod=$2 stamp=$bin/.$1.version
	if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$mod" ]; then return; fi
	log "building $mod (once; cached in $bin)"
	go install "$mod"
	echo "$mod" >"$stamp"
}

apt_pkg() { # command package
	command -v "$1" >/dev/null 2>&1 && return
	log "installing $2 with apt-get"
	if [ ! -f "$cache/.apt-updated" ]; then apt-get update -qq >&2 && touch "$cache/.apt-updated"; fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}

dynamodb_local() {
	local dir=$cache/dynamodb-local version=2.9.30
	if [ -f "$dir/.version" ] && [ "$(cat "$dir/.version")" = "$version" ]; then return; fi
	log "installing DynamoDB Local from amplify-dynamodb-simulator@$version"
	rm -rf "$dir" && mkdir -p "$dir"
	(cd "$dir" && npm pack --silent "amplify-dynamodb-simulator@$version" >/dev/null && tar xzf ./*.tgz)
	local jar
	jar=$(find "$dir/package" -name DynamoDBLocal.jar | head -1)
	[ -n "$jar" ] || { log "DynamoDBLocal.jar not found in the package"; exit 1; }
	ln -sfn "$(dirname "$jar")" "$dir/current"
	echo "$version" >"$dir/.version"
}

vulndb() {
	local stamp=$cache/vulndb.dir
	if [ -f "$stamp" ] && [ -d "$(cat "$stamp")/data/osv" ]; then return; fi
	log "downloading the Go vulnerability database module"
	go mod download -json golang.org/x/vulndb@latest | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' >"$stamp"
}

go_tool mailpit github.com/axllent/mailpit@v1.33.1
go_tool versitygw github.com/versity/versitygw/cmd/versitygw@v1.8.0
go_tool staticcheck honnef.co/go/tools/cmd/staticcheck@v0.8.2
go_tool govulncheck golang.org/x/vuln/cmd/govulncheck@v1.9.0
apt_pkg chromium chromium
apt_pkg java openjdk-17-jre-headless
dynamodb_local
vulndb
echo "$bin"
