// Package openapi embeds Licensor's OpenAPI 3.1 document, openapi.json, which the server serves
// at /api/v1/openapi.json and from which web/ generates its TypeScript client types.
//
// The document is written by hand, next to the route table of package api; a test there holds
// the two equal in both directions (every documented route is in the document with the same
// operationId and permission, every operation of the document is a route).
package openapi

import (
	_ "embed"
)

//go:embed openapi.json
var document []byte

// Document returns the OpenAPI document, JSON. The caller must not change it.
func Document() []byte { return document }
