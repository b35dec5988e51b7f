package store

import (
	"bytes"
	"fmt"
)

// Limits DynamoDB sets beyond MaxOps and MaxItemSize. The SQLite engine would take more; Validate
// refuses it on both engines, so that a write that works on one works on the other.
const (
	MaxPartitionKey = 2048    // bytes of a partition key, of the table or of an index
	MaxSortKey      = 1024    // bytes of a sort key, of the table or of an index
	MaxWriteSize    = 4000000 // bytes of the items one Write puts, together (DynamoDB: 4 MB)
)

// Validate checks a write against the contract's limits before an engine runs it: at most MaxOps
// operations, no two on the same item (DynamoDB refuses that), keys present and within
// MaxPartitionKey and MaxSortKey, bodies JSON objects, items at most MaxItemSize bytes and the
// items put at most MaxWriteSize bytes together. Engines call it first, so both refuse the same
// writes. An update's resulting size is known only to the engine, which checks it.
func Validate(ops []Op) error {
	if len(ops) == 0 {
		return fmt.Errorf("%w: empty write", ErrInvalid)
	}
	if len(ops) > MaxOps {
		return fmt.Errorf("%w: %d operations, at most %d", ErrTooLarge, len(ops), MaxOps)
	}
	seen := make(map[Key]bool, len(ops))
	total := 0
	for i, op := range ops {
		k := op.Target()
		if seen[k] {
			return fmt.Errorf("%w: operation %d addresses %s/%s twice", ErrInvalid, i, k.PK, k.SK)
		}
		seen[k] = true
		if err := validateOp(op); err != nil {
			return fmt.Errorf("operation %d: %w", i, err)
		}
		if op.Kind == OpPut {
			total += ItemSize(op.Item)
		}
	}
	if total > MaxWriteSize {
		return fmt.Errorf("%w: items of %d bytes together, at most %d", ErrTooLarge, total, MaxWriteSize)
	}
	return nil
}

func validateOp(op Op) error {
	k := op.Target()
	if k.PK == "" || k.SK == "" {
		return fmt.Errorf("%w: empty key", ErrInvalid)
	}
	if err := validateKey(k.PK, k.SK); err != nil {
		return err
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

// validateKey checks the lengths of a key, of the table or of an index.
func validateKey(pk, sk string) error {
	if len(pk) > MaxPartitionKey {
		return fmt.Errorf("%w: partition key of %d bytes, at most %d", ErrTooLarge, len(pk),
			MaxPartitionKey)
	}
	if len(sk) > MaxSortKey {
		return fmt.Errorf("%w: sort key of %d bytes, at most %d", ErrTooLarge, len(sk), MaxSortKey)
	}
	return nil
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
	for _, ik := range []IndexKey{it.GSI1, it.GSI2} {
		if err := validateKey(ik.PK, ik.SK); err != nil {
			return fmt.Errorf("index %w", err)
		}
	}
	if n := ItemSize(it); n > MaxItemSize {
		return fmt.Errorf("%w: item %s/%s is %d bytes, at most %d", ErrTooLarge, it.PK, it.SK, n, MaxItemSize)
	}
	return nil
}
