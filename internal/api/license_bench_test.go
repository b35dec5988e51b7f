package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkLicenseValidate measures the validation route in process, middleware included,
// without the network: where its CPU goes (go test -bench LicenseValidate -cpuprofile).
func BenchmarkLicenseValidate(b *testing.B) {
	e := newLicEnv(b)
	c := e.createLicense(b)
	h := e.srv.Config.Handler
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", "/api/v1/license/validate", nil)
			req.Header.Set("Authorization", "License "+c.Key)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	})
}
