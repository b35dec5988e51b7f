package api_test

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/openapi"
)

type operation struct {
	OperationID string         `json:"operationId"`
	Permission  string         `json:"x-permission"`
	Summary     string         `json:"summary"`
	Responses   map[string]any `json:"responses"`
}

type document struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas struct {
			ProblemCode struct {
				Enum []string `json:"enum"`
			} `json:"ProblemCode"`
		} `json:"schemas"`
	} `json:"components"`
}

func readDocument(t *testing.T) document {
	t.Helper()
	var doc document
	if err := json.Unmarshal(openapi.Document(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", doc.OpenAPI)
	}
	return doc
}

// TestDocumentMatchesRoutes holds the route table and the OpenAPI document equal both ways.
func TestDocumentMatchesRoutes(t *testing.T) {
	t.Parallel()
	doc := readDocument(t)
	inTable := map[string]bool{}
	for _, rt := range api.New(api.Options{}).Routes() {
		if !rt.Documented() {
			continue
		}
		key := strings.ToLower(rt.Method) + " " + rt.Pattern
		inTable[key] = true
		op, ok := doc.Paths[rt.Pattern][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("route %s is not in openapi.json", rt.MuxPattern())
			continue
		}
		if op.OperationID != rt.OperationID || op.Permission != string(rt.Permission) {
			t.Errorf("%s: document has operationId %q, x-permission %q; table %q, %q",
				rt.MuxPattern(), op.OperationID, op.Permission, rt.OperationID, rt.Permission)
		}
	}
	ids := map[string]string{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			key := method + " " + path
			if !inTable[key] {
				t.Errorf("openapi.json describes %s, which the route table lacks", key)
			}
			if prev, dup := ids[op.OperationID]; dup || op.OperationID == "" {
				t.Errorf("%s: operationId %q empty or also used by %s", key, op.OperationID, prev)
			}
			ids[op.OperationID] = key
			if op.Summary == "" || op.Responses["default"] == nil {
				t.Errorf("%s lacks a summary or a default (problem) response", key)
			}
		}
	}
}

func TestDocumentListsProblemCodes(t *testing.T) {
	t.Parallel()
	got := readDocument(t).Components.Schemas.ProblemCode.Enum
	want := slices.Sorted(maps.Keys(api.Codes))
	slices.Sort(got)
	if !slices.Equal(got, mapStrings(want)) {
		t.Errorf("ProblemCode enum = %q, want the codes of api.Codes %q", got, want)
	}
}

func mapStrings(codes []api.Code) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return out
}
