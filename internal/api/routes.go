package api

import "slices"

// Routes is the route table: every route the server answers, with its permission. The OpenAPI
// document describes exactly the documented ones (a test holds the two equal); package policy
// says what each permission requires.
func (a *API) Routes() []Route {
	return slices.Concat(a.operationRoutes(), a.accountRoutes(), a.termsRoutes(), a.orgRoutes(),
		a.auditRoutes(), a.licenseRoutes(), a.catchAllRoutes())
}

// operationRoutes are the operator's: health, readiness, metrics and the API's description.
func (a *API) operationRoutes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/healthz", Permission: Public, OperationID: "getHealth",
			Summary: "Liveness: the process answers", Handler: a.health},
		{Method: "GET", Pattern: "/readyz", Permission: Public, OperationID: "getReadiness",
			Summary: "Readiness: the store is reachable and migrated", Handler: a.ready},
		{Method: "GET", Pattern: "/metrics", Permission: Public, OperationID: "getMetrics",
			Summary: "Prometheus metrics", Handler: a.metrics},
		{Method: "GET", Pattern: "/api/v1/openapi.json", Permission: Public,
			OperationID: "getOpenAPI", Summary: "This API's OpenAPI document", Handler: a.openAPI},
	}
}

// accountRoutes are the routes of accounts: sign-in, sessions, profile, password and address
// changes, setup links.
func (a *API) accountRoutes() []Route {
	return []Route{
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
	}
}

// termsRoutes are the routes of terms and conditions.
func (a *API) termsRoutes() []Route {
	return []Route{
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
	}
}

// orgRoutes are the routes of organisations (package org): the policy decides on the
// organisation of {org}.
func (a *API) orgRoutes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/api/v1/orgs", Permission: Member, OperationID: "listOrgs",
			Summary: "The organisations the user reaches", Handler: a.listOrgs},
		{Method: "POST", Pattern: "/api/v1/orgs", Permission: Member, OperationID: "createOrg",
			Summary: "Create a distributor or a client", Handler: a.createOrg},
		{Method: "GET", Pattern: "/api/v1/orgs/{org}", Permission: OrgView,
			OperationID: "getOrg", Summary: "One organisation", Handler: a.getOrg},
		{Method: "PATCH", Pattern: "/api/v1/orgs/{org}", Permission: OrgEdit,
			OperationID: "updateOrg", Summary: "Change an organisation", Handler: a.updateOrg},
		{Method: "GET", Pattern: "/api/v1/orgs/{org}/members", Permission: OrgView,
			OperationID: "listMembers", Summary: "The members of an organisation",
			Handler: a.listMembers},
		{Method: "PATCH", Pattern: "/api/v1/orgs/{org}/members/{user}",
			Permission: OrgManageMembers, OperationID: "changeMemberRole",
			Summary: "Change a member's role", Handler: a.changeRole},
		{Method: "DELETE", Pattern: "/api/v1/orgs/{org}/members/{user}",
			Permission: OrgManageMembers, OperationID: "removeMember",
			Summary: "Remove a member from an organisation", Handler: a.removeMember},
		{Method: "GET", Pattern: "/api/v1/orgs/{org}/invitations", Permission: OrgView,
			OperationID: "listInvitations", Summary: "The invitations of an organisation",
			Handler: a.listInvitations},
		{Method: "POST", Pattern: "/api/v1/orgs/{org}/invitations", Permission: OrgInvite,
			OperationID: "createInvitation", Summary: "Invite someone into an organisation",
			Handler: a.invite},
		{Method: "DELETE", Pattern: "/api/v1/orgs/{org}/invitations/{id}",
			Permission: OrgManageMembers, OperationID: "revokeInvitation",
			Summary: "Revoke a pending invitation", Handler: a.revokeInvitation},
		{Method: "POST", Pattern: "/api/v1/orgs/{org}/invitations/{id}/resend",
			Permission: OrgInvite, OperationID: "resendInvitation",
			Summary: "Mail a new link for a pending invitation", Handler: a.resendInvitation},
		{Method: "POST", Pattern: "/api/v1/invitations/preview", Permission: Public,
			OperationID: "previewInvitation", Summary: "What an invitation link invites to",
			Handler: a.previewInvitation},
		{Method: "POST", Pattern: "/api/v1/invitations/accept", Permission: Public,
			OperationID: "acceptInvitation", Summary: "Accept an invitation",
			Handler: a.acceptInvitation},
	}
}

// auditRoutes are the routes of the audit log (package audit).
func (a *API) auditRoutes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/api/v1/orgs/{org}/events", Permission: OrgAudit,
			OperationID: "listOrgEvents", Summary: "The audit log of an organisation",
			Handler: a.orgEvents},
		{Method: "GET", Pattern: "/api/v1/events", Permission: VendorMember,
			OperationID: "listEvents", Summary: "Every audit event", Handler: a.allEvents},
	}
}

// licenseRoutes are the routes of licenses (package license). Validation is public for the
// policy: the license key in the Authorization header is its credential, checked by the
// handler.
func (a *API) licenseRoutes() []Route {
	return []Route{
		{Method: "POST", Pattern: "/api/v1/license/validate", Permission: Public,
			OperationID: "validateLicense", Summary: "Validate a license key (License auth)",
			Quiet: true, Handler: a.validateLicense},
		{Method: "GET", Pattern: "/api/v1/orgs/{org}/licenses", Permission: OrgView,
			OperationID: "listLicenses", Summary: "The licenses of an organisation",
			Handler: a.listLicenses},
		{Method: "POST", Pattern: "/api/v1/orgs/{org}/licenses", Permission: LicenseManage,
			OperationID: "createLicense", Summary: "Create a license; the answer shows its key once",
			Handler: a.createLicense},
		{Method: "POST", Pattern: "/api/v1/orgs/{org}/licenses/suspend",
			Permission: LicenseManage, OperationID: "suspendOrgLicenses",
			Summary: "Suspend every license of an organisation", Handler: a.suspendOrgLicenses},
		{Method: "POST", Pattern: "/api/v1/orgs/{org}/licenses/reinstate",
			Permission: LicenseManage, OperationID: "reinstateOrgLicenses",
			Summary: "End the suspension of an organisation's licenses",
			Handler: a.reinstateOrgLicenses},
		{Method: "GET", Pattern: "/api/v1/licenses/{id}", Permission: LicenseView,
			OperationID: "getLicense", Summary: "One license, without its key",
			Handler: a.getLicense},
		{Method: "PATCH", Pattern: "/api/v1/licenses/{id}", Permission: LicenseManage,
			OperationID: "updateLicense", Summary: "Change a license's terms or status",
			Handler: a.updateLicense},
		{Method: "POST", Pattern: "/api/v1/licenses/{id}/key", Permission: LicenseKey,
			OperationID: "regenerateLicenseKey",
			Summary:     "Replace a license's key; the answer shows the new key once",
			Handler:     a.regenerateLicenseKey},
	}
}

// catchAllRoutes answer what no other route claims: unknown API paths a problem, never
// the web UI; every other path the web UI.
func (a *API) catchAllRoutes() []Route {
	return []Route{
		{Pattern: "/api/", Permission: Public, Summary: "Unknown API path", Handler: a.apiNotFound},
		{Pattern: "/", Permission: Public, Summary: "The web UI", Handler: a.ui},
	}
}
