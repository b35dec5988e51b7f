package store

import (
	"errors"
	"fmt"
)

// Limits of one write, the same as DynamoDB's so that both engines accept the same writes.
const (
	MaxOps      = 25         // operations in one Write
	MaxItemSize = 400 * 1024 // bytes of one item as ItemSize counts them, attribute names included
)

// The errors every engine reports; test them with errors.Is.
var (
	ErrNotFound = errors.New("store: item not found")
	ErrConflict = errors.New("store: condition failed")
	ErrTooLarge = errors.New("store: write over the limits")
	ErrInvalid  = errors.New("store: invalid operation")
)

// ConditionError reports which operation of a write had a failed condition.
type ConditionError struct {
	// Index is the position of the failed operation in the write.
	Index int
	Key   Key
}

func (e *ConditionError) Error() string {
	return fmt.Sprintf("store: condition of operation %d (%s/%s) failed", e.Index, e.Key.PK, e.Key.SK)
}

// Is makes a ConditionError match ErrConflict.
func (e *ConditionError) Is(target error) bool { return target == ErrConflict }
