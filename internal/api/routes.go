package api

// Routes is the route table: every route the server answers, with its permission. The OpenAPI
// document describes exactly the documented ones (a test holds the two equal).
func (a *API) Routes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/healthz", Permission: Public, OperationID: "getHealth",
			Summary: "Liveness: the process answers", Handler: a.health},
		{Method: "GET", Pattern: "/readyz", Permission: Public, OperationID: "getReadiness",
			Summary: "Readiness: the store is reachable and migrated", Handler: a.ready},
		{Method: "GET", Pattern: "/metrics", Permission: Public, OperationID: "getMetrics",
			Summary: "Prometheus metrics", Handler: a.metrics},
		{Method: "GET", Pattern: "/api/v1/openapi.json", Permission: Public,
			OperationID: "getOpenAPI", Summary: "This API's OpenAPI document", Handler: a.openAPI},

		// The catch-alls: unknown API paths answer a problem, never the web UI.
		{Pattern: "/api/", Permission: Public, Summary: "Unknown API path", Handler: a.apiNotFound},
		{Pattern: "/", Permission: Public, Summary: "The web UI", Handler: a.ui},
	}
}
