package api

import (
	"encoding/json"
	"time"

	"github.com/licensorhq/licensor/internal/license"
)

// LicenseView is held by everyone who reaches the organisation of the license that the path's
// {id} names: see the license (never its key).
const LicenseView Permission = "license_view"

// licenseJSON is a license as the API shows it: never the key, only its last 4 characters.
type licenseJSON struct {
	ID             string `json:"id"`
	OrgID          string `json:"org_id"`
	OrgName        string `json:"org_name"`
	Name           string `json:"name"`
	PrepaidCores   int64  `json:"prepaid_cores"`
	CorePrice      int64  `json:"core_price"`
	ExtraCorePrice int64  `json:"extra_core_price"`
	Currency       string `json:"currency"`
	StartsOn       string `json:"starts_on"`
	EndsOn         string `json:"ends_on,omitempty"`
	// Status is the license's own; OrgSuspended says that all of its organisation's licenses
	// are suspended. Validation answers SUSPENDED when either holds (EffectiveStatus).
	Status          string    `json:"status"`
	OrgSuspended    bool      `json:"org_suspended"`
	EffectiveStatus string    `json:"effective_status"`
	KeyLast4        string    `json:"key_last4"`
	CreatedAt       time.Time `json:"created_at"`
	CreatedBy       string    `json:"created_by,omitempty"`
	UpdatedAt       time.Time `json:"updated_at"`
	UpdatedBy       string    `json:"updated_by,omitempty"`
	// CreatedByName and UpdatedByName name those users in the answers about one license
	// (creating, reading, changing it, a new key); "" in lists and for a user who is gone.
	CreatedByName string `json:"created_by_name,omitempty"`
	UpdatedByName string `json:"updated_by_name,omitempty"`
}

func licenseOf(l license.License) licenseJSON {
	return licenseJSON{ID: l.ID, OrgID: l.OrgID, OrgName: l.OrgName, Name: l.Name,
		PrepaidCores: l.PrepaidCores, CorePrice: l.CorePrice, ExtraCorePrice: l.ExtraCorePrice,
		Currency: l.Currency, StartsOn: l.StartsOn, EndsOn: l.EndsOn, Status: l.Status,
		OrgSuspended: l.OrgSuspended, EffectiveStatus: l.Effective(), KeyLast4: l.KeyLast4,
		CreatedAt: l.CreatedAt.UTC(), CreatedBy: l.CreatedBy, UpdatedAt: l.UpdatedAt.UTC(),
		UpdatedBy: l.UpdatedBy}
}

// licenseWithKeyJSON is the answer that shows a key, the one time it is shown.
type licenseWithKeyJSON struct {
	licenseJSON
	Key string `json:"key"`
}

// licenseCreateJSON is the body of a license creation; every field but ends_on is required.
type licenseCreateJSON struct {
	Name           *string `json:"name"`
	PrepaidCores   *int64  `json:"prepaid_cores"`
	CorePrice      *int64  `json:"core_price"`
	ExtraCorePrice *int64  `json:"extra_core_price"`
	Currency       *string `json:"currency"`
	StartsOn       *string `json:"starts_on"`
	EndsOn         *string `json:"ends_on"`
}

// terms returns the terms of the body, or the fields it lacks.
func (in licenseCreateJSON) terms() (license.Terms, error) {
	var missing []FieldError
	need := func(field string, present bool) {
		if !present {
			missing = append(missing, FieldError{Field: field, Message: "is required"})
		}
	}
	need("name", in.Name != nil)
	need("prepaid_cores", in.PrepaidCores != nil)
	need("core_price", in.CorePrice != nil)
	need("extra_core_price", in.ExtraCorePrice != nil)
	need("currency", in.Currency != nil)
	need("starts_on", in.StartsOn != nil)
	if len(missing) > 0 {
		return license.Terms{}, Invalid(missing...)
	}
	t := license.Terms{Name: *in.Name, PrepaidCores: *in.PrepaidCores, CorePrice: *in.CorePrice,
		ExtraCorePrice: *in.ExtraCorePrice, Currency: *in.Currency, StartsOn: *in.StartsOn}
	if in.EndsOn != nil {
		t.EndsOn = *in.EndsOn
	}
	return t, nil
}

// licensePatchJSON is the body of a license change: absent fields stay; ends_on null removes
// the last day.
type licensePatchJSON struct {
	Name           *string      `json:"name"`
	PrepaidCores   *int64       `json:"prepaid_cores"`
	CorePrice      *int64       `json:"core_price"`
	ExtraCorePrice *int64       `json:"extra_core_price"`
	Currency       *string      `json:"currency"`
	StartsOn       *string      `json:"starts_on"`
	EndsOn         optionalDate `json:"ends_on"`
	Status         *string      `json:"status"`
}

func (in licensePatchJSON) patch() license.Patch {
	p := license.Patch{Name: in.Name, PrepaidCores: in.PrepaidCores, CorePrice: in.CorePrice,
		ExtraCorePrice: in.ExtraCorePrice, Currency: in.Currency, StartsOn: in.StartsOn,
		Status: in.Status}
	if in.EndsOn.set {
		p.EndsOn = &in.EndsOn.value
	}
	return p
}

// optionalDate tells an absent field (set false) from null (set, value "").
type optionalDate struct {
	set   bool
	value string
}

func (d *optionalDate) UnmarshalJSON(b []byte) error {
	d.set = true
	if string(b) == "null" {
		d.value = ""
		return nil
	}
	return json.Unmarshal(b, &d.value)
}
