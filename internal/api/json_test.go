package api

import (
	"net/http"
	"strings"
	"testing"
)

type signIn struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Remember bool   `json:"remember"`
}

func decodeRoute() Route {
	return Route{Method: "POST", Pattern: "/api/v1/echo", Permission: Public, Summary: "test",
		Handler: func(w http.ResponseWriter, r *http.Request) error {
			var in signIn
			if err := DecodeJSON(r, &in); err != nil {
				return err
			}
			return WriteJSON(w, http.StatusOK, in)
		}}
}

func TestDecodeJSON(t *testing.T) {
	t.Parallel()
	srv, logs := serve(t, Options{}, decodeRoute())
	big := `{"email":"` + strings.Repeat("a", MaxJSONBody) + `"}`
	tests := []struct {
		name        string
		ctype, body string
		status      int
		code        Code
		field       string
	}{
		{"ok", "application/json", `{"email":"a@b.c","password":"x"}`, 200, "", ""},
		{"charset", "application/json; charset=utf-8", `{"email":"a@b.c"}`, 200, "", ""},
		{"unknown_field", "application/json", `{"email":"a","role":"admin"}`, 400,
			CodeValidationFailed, "role"},
		{"wrong_type", "application/json", `{"remember":"yes"}`, 400, CodeValidationFailed,
			"remember"},
		{"malformed", "application/json", `{"email":`, 400, CodeValidationFailed, ""},
		{"syntax", "application/json", `{email}`, 400, CodeValidationFailed, ""},
		{"trailing", "application/json", `{"email":"a"} {"email":"b"}`, 400,
			CodeValidationFailed, ""},
		{"empty", "application/json", ``, 400, CodeValidationFailed, ""},
		{"not_object", "application/json", `[1]`, 400, CodeValidationFailed, "(body)"},
		{"too_large", "application/json", big, 413, CodePayloadTooLarge, ""},
		{"form", "application/x-www-form-urlencoded", `email=a`, 415, CodeUnsupportedMediaType, ""},
		{"text", "text/plain", `{"email":"a"}`, 415, CodeUnsupportedMediaType, ""},
		{"no_type", "", `{"email":"a"}`, 415, CodeUnsupportedMediaType, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, body := do(t, srv, "POST", "/api/v1/echo", tt.ctype, tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d; body %.200s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 200 {
				return
			}
			p := problemOf(t, resp, body)
			if p.Code != tt.code {
				t.Errorf("code = %s, want %s", p.Code, tt.code)
			}
			if tt.field != "" && (len(p.Errors) != 1 || p.Errors[0].Field != tt.field) {
				t.Errorf("errors = %+v, want one about %q", p.Errors, tt.field)
			}
		})
	}
	t.Cleanup(func() {
		if recs := logs.records(t, "request failed"); len(recs) != 0 {
			t.Errorf("client mistakes were logged as failures: %v", recs)
		}
	})
}
