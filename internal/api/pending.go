package api

import "net/http"

// TODO: the account and terms handlers below answer 503 until their domain packages are wired;
// this file goes away once they are.

func (a *API) pending(w http.ResponseWriter, r *http.Request) error {
	return Errorf(CodeUnavailable, "not implemented yet")
}

func (a *API) signIn(w http.ResponseWriter, r *http.Request) error     { return a.pending(w, r) }
func (a *API) signOut(w http.ResponseWriter, r *http.Request) error    { return a.pending(w, r) }
func (a *API) me(w http.ResponseWriter, r *http.Request) error         { return a.pending(w, r) }
func (a *API) updateMe(w http.ResponseWriter, r *http.Request) error   { return a.pending(w, r) }
func (a *API) endSession(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
func (a *API) requestPasswordReset(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) confirmPasswordReset(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) changePassword(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
func (a *API) requestEmailChange(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) confirmEmailChange(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) listSessions(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
func (a *API) endOtherSessions(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) previewSetup(w http.ResponseWriter, r *http.Request) error  { return a.pending(w, r) }
func (a *API) completeSetup(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
func (a *API) currentTerms(w http.ResponseWriter, r *http.Request) error  { return a.pending(w, r) }
func (a *API) publishTerms(w http.ResponseWriter, r *http.Request) error  { return a.pending(w, r) }
func (a *API) termsVersions(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
func (a *API) termsVersion(w http.ResponseWriter, r *http.Request) error  { return a.pending(w, r) }
func (a *API) termsAcceptances(w http.ResponseWriter, r *http.Request) error {
	return a.pending(w, r)
}
func (a *API) acceptTerms(w http.ResponseWriter, r *http.Request) error { return a.pending(w, r) }
