package store

// OpKind is what one operation of a write does.
type OpKind int

// The operation kinds.
const (
	OpPut    OpKind = iota + 1 // write the whole item
	OpUpdate                   // set and add body fields, creating the item when missing
	OpDelete                   // remove the item; deleting a missing item is not an error
	OpCheck                    // change nothing, only test the condition
)

// String names the kind.
func (k OpKind) String() string {
	switch k {
	case OpPut:
		return "put"
	case OpUpdate:
		return "update"
	case OpDelete:
		return "delete"
	case OpCheck:
		return "check"
	}
	return "unknown"
}

// Op is one operation of an atomic write. Build it with Put, Update, Delete or Check.
type Op struct {
	Kind OpKind
	// Item is the item to put (OpPut).
	Item Item
	// Key is the item the other kinds address.
	Key Key
	// Type is written with an update that creates the item (OpUpdate).
	Type string
	// Set replaces top-level body fields with JSON-marshallable values (OpUpdate).
	Set map[string]any
	// Add adds to top-level numeric body fields, a missing field counting as 0 (OpUpdate). Keep
	// those fields integers within int64: the SQLite engine adds exactly in int64 and refuses a
	// field holding a fraction, or a sum beyond int64, with ErrInvalid, where DynamoDB adds in
	// decimal (38 digits) and would accept both.
	Add map[string]int64
	// If, when not nil, must hold before the operation or the whole write fails.
	If *Condition
}

// Put writes the whole item, replacing any item with its key.
func Put(it Item) Op { return Op{Kind: OpPut, Item: it, Key: it.Key} }

// Update sets and adds top-level body fields of the item at k, creating it when missing.
func Update(k Key, set map[string]any, add map[string]int64) Op {
	return Op{Kind: OpUpdate, Key: k, Set: set, Add: add}
}

// Delete removes the item at k.
func Delete(k Key) Op { return Op{Kind: OpDelete, Key: k} }

// Check tests a condition on the item at k without changing it.
func Check(k Key, c Condition) Op { return Op{Kind: OpCheck, Key: k, If: &c} }

// When returns the operation with condition c.
func (o Op) When(c Condition) Op {
	o.If = &c
	return o
}

// WithType returns the update with the item type written when it creates the item.
func (o Op) WithType(t string) Op {
	o.Type = t
	return o
}

// Target is the key of the item the operation addresses.
func (o Op) Target() Key {
	if o.Kind == OpPut {
		return o.Item.Key
	}
	return o.Key
}
