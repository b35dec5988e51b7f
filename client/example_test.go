package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/licensorhq/licensor/client"
)

// A stand-in for a Licensor server, answering as POST /api/v1/license/validate does.
func fakeLicensor() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "License lic_7Hq2Vx9KmP3sLd8RtY4wNc6ZbF1gJe3Gw7Il" {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"status":401,"code":"invalid_license_key"}`)
			return
		}
		fmt.Fprint(w, `{"valid":true,"code":"VALID","license":{"id":"lic_01hx3v9q2m4k8n6p0r7s5t3w1y",`+
			`"name":"Production","org_id":"org_01hx3v9q2m4k8n6p0r7s5t3w1z","org_name":"Acme Ltd",`+
			`"prepaid_cores":16,"starts_on":"2026-01-01","status":"active",`+
			`"current_cores":12,"month_peak_cores":14}}`)
	}))
}

func Example() {
	srv := fakeLicensor()
	defer srv.Close()

	c := client.New(srv.URL, "lic_7Hq2Vx9KmP3sLd8RtY4wNc6ZbF1gJe3Gw7Il")
	v, err := c.Validate(context.Background())
	if err != nil {
		fmt.Println("cannot validate:", err)
		return
	}
	if !v.Valid {
		fmt.Println("the license may not be used now:", v.Code)
		return
	}
	fmt.Printf("%s of %s: %d prepaid cores, %d in use this hour\n", v.License.Name,
		v.License.OrgName, v.License.PrepaidCores, v.License.CurrentCores)
	// Output: Production of Acme Ltd: 16 prepaid cores, 12 in use this hour
}

func ExampleClient_Validate_invalidKey() {
	srv := fakeLicensor()
	defer srv.Close()

	_, err := client.New(srv.URL, "lic_not_a_key").Validate(context.Background())
	fmt.Println(errors.Is(err, client.ErrInvalidKey))
	// Output: true
}
