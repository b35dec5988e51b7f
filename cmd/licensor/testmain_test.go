package main

import (
	"os"
	"testing"

	"github.com/licensorhq/licensor/internal/testenv"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testenv.StopDynamoDB() // started by TestDynamoDB, shared by the tests of this binary
	os.Exit(code)
}
