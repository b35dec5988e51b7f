import type { components } from './schema';

type Schemas = components['schemas'];

/** Me is the signed-in user with memberships and the state of the terms (GET /api/v1/me). */
export type Me = Schemas['Me'];
/** User is an account as the API shows it. */
export type User = Schemas['User'];
/** TermsState says which terms are current and whether the user must still accept them. */
export type TermsState = Schemas['TermsState'];
/** Session is one signed-in browser of the user. */
export type Session = Schemas['Session'];
/** Terms is the current version of the terms and conditions. */
export type Terms = Schemas['Terms'];
/** TermsVersion is one published version with its text. */
export type TermsVersion = Schemas['TermsVersion'];
/** TermsVersionSummary is one published version, without its text. */
export type TermsVersionSummary = Schemas['TermsVersionSummary'];
/** TermsAcceptance is one user's acceptance of a version. */
export type TermsAcceptance = Schemas['TermsAcceptance'];
/** SetupPreview says what a setup link sets up. */
export type SetupPreview = Schemas['SetupPreview'];
/** SignInResult is the answer of a sign-in: the user and where to go. */
export type SignInResult = Schemas['SignInResult'];
