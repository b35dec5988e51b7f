package audit

// The actions of the accounts part. Actions are dotted, object first; later parts add theirs.
const (
	SessionCreated       = "session.created"          // a sign-in succeeded
	SessionFailed        = "session.failed"           // a sign-in failed (outcome failure)
	SessionEnded         = "session.ended"            // sign-out, or a session ended by its user
	PasswordChanged      = "password.changed"         // by the user, with the current password
	PasswordResetRequest = "password.reset_requested" // a reset link was mailed
	PasswordReset        = "password.reset"           // set through a reset link
	EmailChangeRequested = "email.change_requested"   // a confirmation link was mailed
	EmailChanged         = "email.changed"            // the new address confirmed
	TermsPublished       = "terms.published"
	TermsAccepted        = "terms.accepted"
	UserCreated          = "user.created"
	UserRenamed          = "user.renamed"          // details: the name before and after
	SetupCompleted       = "setup.completed"       // a setup or set-password link was used
	AuthorizationRefused = "authorization.refused" // the policy refused a signed-in user
)

// The actions of the organisations part.
const (
	OrgCreated         = "org.created"
	OrgUpdated         = "org.updated" // details: each changed field, before and after
	MemberAdded        = "member.added"
	MemberRoleChanged  = "member.role_changed" // details: role before and after
	MemberRemoved      = "member.removed"      // details: the role the member had
	InvitationCreated  = "invitation.created"
	InvitationResent   = "invitation.resent"
	InvitationRevoked  = "invitation.revoked"
	InvitationAccepted = "invitation.accepted"
	InvitationLimited  = "invitation.limited" // refused (failure): the day's invitations ran out
)
