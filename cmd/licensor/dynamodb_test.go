package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/testenv"
)

// TestDynamoDB creates a table with `admin create-table` on DynamoDB Local, checks it, runs the
// command again on the existing table, then serves on it: /readyz pings the table, and /metrics
// shows the store, the change feed and the outbox.
// It sets the AWS variables of the process, so it cannot run in parallel.
func TestDynamoDB(t *testing.T) {
	endpoint := testenv.DynamoDB(t)
	setenv(t, map[string]string{
		"AWS_ENDPOINT_URL_DYNAMODB": endpoint, "AWS_ENDPOINT_URL_DYNAMODB_STREAMS": endpoint,
		"AWS_REGION": testenv.DynamoDBRegion, "AWS_ACCESS_KEY_ID": testenv.DynamoDBAccessKey,
		"AWS_SECRET_ACCESS_KEY": testenv.DynamoDBSecretKey,
	})
	table := uniqueName("licensor-")
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	c, stdout, stderr := testCLI(map[string]string{"LICENSOR_STORE": "dynamodb:" + table,
		"LICENSOR_ADDR": addr, "LICENSOR_DATA_DIR": t.TempDir()})
	ctx := context.Background()
	if err := c.run(ctx, []string{"admin", "create-table"}); err != nil {
		t.Fatalf("admin create-table: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout.String(), "table "+table+" is active") {
		t.Errorf("admin create-table printed %q", stdout)
	}
	checkTable(t, table)
	if err := c.run(ctx, []string{"admin", "create-table"}); err != nil {
		t.Errorf("admin create-table on the existing table: %v\n%s", err, stderr)
	}

	serveUntilEnd(t, c, stderr, addr)
	if code, body := httpGet(t, "http://"+addr+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d %s, want 200", code, body)
	}
	_, text := httpGet(t, "http://"+addr+"/metrics")
	for _, want := range []string{
		`licensor_store_operations_total{operation="ping",outcome="ok"}`,
		`licensor_feed_lag_seconds{consumer="mail"}`,
		`licensor_mail_outbox_depth 0`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
