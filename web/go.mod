// This go.mod only fences off web/ from the Go module above it: npm packages in
// web/node_modules may ship .go files (flatted does), and `go build ./...`,
// `go vet ./...` and staticcheck would otherwise compile them as our packages.
module licensor.invalid/web

go 1.26
