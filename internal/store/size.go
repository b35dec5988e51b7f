package store

import (
	"bytes"
	"strconv"
)

// ItemSize is the size the limits count for an item, made to be at least what DynamoDB counts:
// the name and value of each attribute the DynamoDB engine stores (pk, sk, type, the index keys,
// ttl) and the body's JSON text, plus what DynamoDB counts beyond that text for lists and maps.
//
// The text counts each body field's name with its quotes and colon, more than the attribute
// name "b_" + name DynamoDB counts, and each string and number at least as DynamoDB does. Lists
// and maps cost DynamoDB 3 bytes each and 1 byte an element, more than their brackets and
// commas: "[0,0]" is 5 bytes of text and 9 for DynamoDB (3, then 1 + 2 an element). So each
// '[' and '{' of the text counts 3 bytes more, and each ',' 1 more: a bound found without
// parsing the body, above DynamoDB's count for every body, a little above it for text with
// commas and brackets in its strings.
func ItemSize(it Item) int {
	n := attrSize("pk", it.PK) + attrSize("sk", it.SK) + attrSize("type", it.Type) +
		attrSize("gsi1pk", it.GSI1.PK) + attrSize("gsi1sk", it.GSI1.SK) +
		attrSize("gsi2pk", it.GSI2.PK) + attrSize("gsi2sk", it.GSI2.SK) + bodySize(it.Body)
	if !it.ExpiresAt.IsZero() {
		n += attrSize("ttl", strconv.FormatInt(it.ExpiresAt.Unix(), 10))
	}
	return n
}

// bodySize is the size ItemSize counts for a body.
func bodySize(body []byte) int {
	return len(body) + 3*(bytes.Count(body, []byte{'['})+bytes.Count(body, []byte{'{'})) +
		bytes.Count(body, []byte{','})
}

// attrSize is the size of an attribute: its name and value, nothing when the value is empty (the
// attribute is then absent).
func attrSize(name, value string) int {
	if value == "" {
		return 0
	}
	return len(name) + len(value)
}
