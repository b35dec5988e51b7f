package store

// CondKind is what a condition tests.
type CondKind int

// The condition kinds.
const (
	CondExists    CondKind = iota + 1 // the item exists (and has not expired)
	CondNotExists                     // no item, or an expired one, has the key
	CondCompare                       // the item exists and Field Op Value holds
)

// CompareOp is a comparison of a body field with a value.
type CompareOp string

// The comparisons. On both engines a missing field, or one of another JSON type than the value,
// compares false with every operator, "<>" included: IfField("f", Ne, 1) fails on an item
// without f. DynamoDB alone would find "<>" true there; the DynamoDB engine adds
// attribute_type(f, type) to every comparison to keep the contract's rule. To accept a missing
// field too, test the field with "=" and write a second path for the item without it.
const (
	Eq CompareOp = "="
	Ne CompareOp = "<>"
	Lt CompareOp = "<"
	Le CompareOp = "<="
	Gt CompareOp = ">"
	Ge CompareOp = ">="
)

// Condition guards one operation of a write.
type Condition struct {
	Kind CondKind
	// Field is a top-level body field (CondCompare).
	Field string
	// Op compares the field with Value (CondCompare).
	Op CompareOp
	// Value is a string, a bool, or an integer (CondCompare). Strings compare by bytes (UTF-8),
	// numbers by value; a missing field or one of another type than Value compares false.
	// Booleans compare only with Eq and Ne: DynamoDB does not order them.
	Value any
}

// IfExists holds when the item exists.
func IfExists() Condition { return Condition{Kind: CondExists} }

// IfNotExists holds when the item does not exist.
func IfNotExists() Condition { return Condition{Kind: CondNotExists} }

// IfField holds when the item exists and its body field compares with value as op says.
func IfField(field string, op CompareOp, value any) Condition {
	return Condition{Kind: CondCompare, Field: field, Op: op, Value: value}
}
