package api

// Routes is the route table: every route the server answers, with its permission. The OpenAPI
// document describes exactly the documented ones (a test holds the two equal); package policy
// says what each permission requires.
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

		// Accounts: sign-in, sessions, profile, password and address changes, setup links.
		{Method: "POST", Pattern: "/api/v1/session", Permission: Public,
			OperationID: "createSession", Summary: "Sign in", Handler: a.signIn},
		{Method: "DELETE", Pattern: "/api/v1/session", Permission: SignedIn,
			OperationID: "deleteSession", Summary: "Sign out", Handler: a.signOut},
		{Method: "POST", Pattern: "/api/v1/password-resets", Permission: Public,
			OperationID: "requestPasswordReset", Summary: "Mail a password reset link",
			Handler: a.requestPasswordReset},
		{Method: "POST", Pattern: "/api/v1/password-resets/confirm", Permission: Public,
			OperationID: "confirmPasswordReset",
			Summary:     "Set a new password with a reset link's token", Handler: a.confirmPasswordReset},
		{Method: "GET", Pattern: "/api/v1/me", Permission: SignedIn, OperationID: "getMe",
			Summary: "The signed-in user, memberships and terms state", Handler: a.me},
		{Method: "PATCH", Pattern: "/api/v1/me", Permission: Member, OperationID: "updateMe",
			Summary: "Change the signed-in user's name", Handler: a.updateMe},
		{Method: "POST", Pattern: "/api/v1/me/password", Permission: Member,
			OperationID: "changePassword", Summary: "Change the password",
			Handler: a.changePassword},
		{Method: "POST", Pattern: "/api/v1/me/email", Permission: Member,
			OperationID: "requestEmailChange", Summary: "Ask to change the address",
			Handler: a.requestEmailChange},
		{Method: "POST", Pattern: "/api/v1/me/email/confirm", Permission: Public,
			OperationID: "confirmEmailChange",
			Summary:     "Confirm an address change with the mailed token", Handler: a.confirmEmailChange},
		{Method: "GET", Pattern: "/api/v1/me/sessions", Permission: Member,
			OperationID: "listSessions", Summary: "The signed-in user's sessions",
			Handler: a.listSessions},
		{Method: "DELETE", Pattern: "/api/v1/me/sessions", Permission: Member,
			OperationID: "deleteOtherSessions", Summary: "End every other session",
			Handler: a.endOtherSessions},
		{Method: "DELETE", Pattern: "/api/v1/me/sessions/{id}", Permission: Member,
			OperationID: "deleteMySession", Summary: "End one of the user's sessions",
			Handler: a.endSession},
		{Method: "POST", Pattern: "/api/v1/setup/preview", Permission: Public,
			OperationID: "previewSetup", Summary: "What a setup link sets up",
			Handler: a.previewSetup},
		{Method: "POST", Pattern: "/api/v1/setup", Permission: Public,
			OperationID: "completeSetup", Summary: "Complete a setup link and sign in",
			Handler: a.completeSetup},

		// Terms and conditions.
		{Method: "GET", Pattern: "/api/v1/terms", Permission: Public, OperationID: "getTerms",
			Summary: "The current terms", Handler: a.currentTerms},
		{Method: "POST", Pattern: "/api/v1/terms", Permission: VendorAdmin,
			OperationID: "publishTerms", Summary: "Publish a new version of the terms",
			Handler: a.publishTerms},
		{Method: "GET", Pattern: "/api/v1/terms/versions", Permission: Member,
			OperationID: "listTermsVersions",
			Summary:     "Every published version of the terms, newest first", Handler: a.termsVersions},
		{Method: "GET", Pattern: "/api/v1/terms/versions/{version}", Permission: Member,
			OperationID: "getTermsVersion", Summary: "One published version of the terms",
			Handler: a.termsVersion},
		{Method: "GET", Pattern: "/api/v1/terms/versions/{version}/acceptances",
			Permission: VendorAdmin, OperationID: "listTermsAcceptances",
			Summary: "Who accepted a version of the terms, and when", Handler: a.termsAcceptances},
		{Method: "POST", Pattern: "/api/v1/me/terms", Permission: SignedIn,
			OperationID: "acceptTerms", Summary: "Accept the current terms", Handler: a.acceptTerms},

		// The catch-alls: unknown API paths answer a problem, never the web UI.
		{Pattern: "/api/", Permission: Public, Summary: "Unknown API path", Handler: a.apiNotFound},
		{Pattern: "/", Permission: Public, Summary: "The web UI", Handler: a.ui},
	}
}
