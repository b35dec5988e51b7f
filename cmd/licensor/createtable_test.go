package main

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store/dynamo"
)

// checkTable describes the table `admin create-table` made, through the AWS settings of the
// process, and holds it to docs/storage.md: keys pk and sk, indexes gsi1 and gsi2 projecting
// every attribute, on-demand billing, a stream of new and old images, expiry by ttl.
func checkTable(t *testing.T, table string) {
	t.Helper()
	ctx := context.Background()
	cfg, err := dynamo.NewConfig(ctx, table, "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := cfg.DB.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &table})
	if err != nil {
		t.Fatalf("describe table: %v", err)
	}
	d := out.Table
	if got := keys(d.KeySchema); got != "pk HASH, sk RANGE" {
		t.Errorf("table keys %s, want pk HASH, sk RANGE", got)
	}
	if d.BillingModeSummary == nil ||
		d.BillingModeSummary.BillingMode != types.BillingModePayPerRequest {
		t.Errorf("billing mode %+v, want PAY_PER_REQUEST", d.BillingModeSummary)
	}
	if got, want := indexes(d.GlobalSecondaryIndexes), []string{
		"gsi1: gsi1pk HASH, gsi1sk RANGE, ALL", "gsi2: gsi2pk HASH, gsi2sk RANGE, ALL",
	}; !slices.Equal(got, want) {
		t.Errorf("indexes %q, want %q", got, want)
	}
	st := d.StreamSpecification
	if st == nil || !aws.ToBool(st.StreamEnabled) ||
		st.StreamViewType != types.StreamViewTypeNewAndOldImages || d.LatestStreamArn == nil {
		t.Errorf("stream %+v (%v), want one of new and old images", st,
			aws.ToString(d.LatestStreamArn))
	}
	checkTTL(t, cfg.DB, table)
}

func checkTTL(t *testing.T, db *dynamodb.Client, table string) {
	t.Helper()
	out, err := db.DescribeTimeToLive(context.Background(),
		&dynamodb.DescribeTimeToLiveInput{TableName: &table})
	if err != nil {
		t.Fatalf("describe time to live: %v", err)
	}
	d := out.TimeToLiveDescription
	if d == nil || aws.ToString(d.AttributeName) != "ttl" ||
		d.TimeToLiveStatus != types.TimeToLiveStatusEnabled {
		t.Errorf("time to live %+v, want enabled on ttl", d)
	}
}

func keys(ks []types.KeySchemaElement) string {
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += ", "
		}
		s += aws.ToString(k.AttributeName) + " " + string(k.KeyType)
	}
	return s
}

func indexes(ixs []types.GlobalSecondaryIndexDescription) []string {
	var s []string
	for _, ix := range ixs {
		var proj types.ProjectionType
		if ix.Projection != nil {
			proj = ix.Projection.ProjectionType
		}
		s = append(s, fmt.Sprintf("%s: %s, %s", aws.ToString(ix.IndexName), keys(ix.KeySchema), proj))
	}
	slices.Sort(s)
	return s
}
