package store

import (
	"bytes"
	"fmt"
)

// Validate checks a write against the contract's limits before an engine runs it: at most MaxOps
// operations, no two on the same item (DynamoDB refuses that), keys present, bodies JSON objects
// and items at most MaxItemSize bytes. Engines call it first, so both refuse the same writes.
func Validate(ops []Op) error {
	if len(ops) == 0 {
		return fmt.Errorf("%w: empty write", ErrInvalid)
	}
	if len(ops) > MaxOps {
		return fmt.Errorf("%w: %d operations, at most %d", ErrTooLarge, len(ops), MaxOps)
	}
	seen := make(map[Key]bool, len(ops))
	for i, op := range ops {
		k := op.Target()
		if seen[k] {
			return fmt.Errorf("%w: operation %d addresses %s/%s twice", ErrInvalid, i, k.PK, k.SK)
		}
		seen[k] = true
		if err := validateOp(op); err != nil {
			return fmt.Errorf("operation %d: %w", i, err)
		}
	}
	return nil
}

func validateOp(op Op) error {
	k := op.Target()
	if k.PK == "" || k.SK == "" {
		return fmt.Errorf("%w: empty key", ErrInvalid)
	}
	switch op.Kind {
	case OpPut:
		return validateItem(op.Item)
	case OpUpdate:
		if len(op.Set)+len(op.Add) == 0 {
			return fmt.Errorf("%w: update changes nothing", ErrInvalid)
		}
		return validateFields(op)
	case OpDelete:
		return nil
	case OpCheck:
		if op.If == nil {
			return fmt.Errorf("%w: check without condition", ErrInvalid)
		}
		return nil
	}
	return fmt.Errorf("%w: unknown operation kind %d", ErrInvalid, op.Kind)
}

func validateFields(op Op) error {
	for f := range op.Set {
		if _, dup := op.Add[f]; dup {
			return fmt.Errorf("%w: field %q both set and added", ErrInvalid, f)
		}
		if f == "" {
			return fmt.Errorf("%w: empty field name", ErrInvalid)
		}
	}
	return nil
}

func validateItem(it Item) error {
	body := bytes.TrimSpace(it.Body)
	if len(body) > 0 && body[0] != '{' {
		return fmt.Errorf("%w: body is not a JSON object", ErrInvalid)
	}
	if (it.GSI1.PK == "") != (it.GSI1.SK == "") || (it.GSI2.PK == "") != (it.GSI2.SK == "") {
		return fmt.Errorf("%w: index key needs both partition and sort key", ErrInvalid)
	}
	if n := ItemSize(it); n > MaxItemSize {
		return fmt.Errorf("%w: item %s/%s is %d bytes, at most %d", ErrTooLarge, it.PK, it.SK, n, MaxItemSize)
	}
	return nil
}

// ItemSize is the size the limits count for an item: its keys, type and body.
func ItemSize(it Item) int {
	return len(it.PK) + len(it.SK) + len(it.Type) + len(it.GSI1.PK) + len(it.GSI1.SK) +
		len(it.GSI2.PK) + len(it.GSI2.SK) + len(it.Body)
}
