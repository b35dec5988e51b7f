package dynamo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// TestBodyRoundTrip checks that bodies come back as the same JSON value; numbers keep every
// digit (an int64 included), though DynamoDB may write them another way (1e3 as 1000).
func TestBodyRoundTrip(t *testing.T) {
	t.Parallel()
	s := openLocal(t, store.Options{})
	for _, tc := range []struct{ name, body, want string }{
		{"empty", `{}`, `{}`},
		{"int64", `{"max":9223372036854775807,"min":-9223372036854775808}`, ""},
		{"decimals", `{"a":0.1,"b":-2.5,"c":123456789.123456789}`, ""},
		{"exponent", `{"a":1e3,"b":2.5E-3}`, `{"a":1000,"b":0.0025}`},
		{"zero", `{"a":0,"b":-0,"c":0.0}`, `{"a":0,"b":0,"c":0}`},
		{"nested", `{"o":{"l":[1,"x",true,null,{"k":[]}],"e":{}}}`, ""},
		{"strings", `{"":"","html":"<a&b>","uni":"é€😀","esc":"\u0000\n\"\\"}`, ""},
		{"literals", `{"t":true,"f":false,"n":null}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			k := store.Key{PK: "b", SK: tc.name}
			it := store.Item{Key: k, Body: json.RawMessage(tc.body)}
			if err := s.Write(ctx, store.Put(it)); err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if want == "" {
				want = tc.body
			}
			if !sameJSON(t, got.Body, want) {
				t.Errorf("body: got %s, want %s", got.Body, want)
			}
		})
	}
}

// sameJSON compares two JSON texts as values, numbers by their exact text.
func sameJSON(t *testing.T, a json.RawMessage, b string) bool {
	t.Helper()
	return canonical(t, a) == canonical(t, json.RawMessage(b))
}

func canonical(t *testing.T, b json.RawMessage) string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	out, _ := json.Marshal(v)
	return string(out)
}
