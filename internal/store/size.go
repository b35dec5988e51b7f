package store

import "strconv"

// ItemSize is the size the limits count for an item, made to be at least what DynamoDB counts:
// the name and value of each attribute the DynamoDB engine stores (pk, sk, type, the index keys,
// ttl) and the body's JSON text. The text counts each body field's name with its quotes and
// colon, more than the attribute name "b_" + name DynamoDB counts, and each value at least as
// DynamoDB does.
//
// TODO: a list of many small numbers or empty strings counts more on DynamoDB (3 bytes a list
// plus 1 byte an element, and about 1 byte per 2 digits plus 1 a number) than as JSON text
// ("1," is 2 bytes); such an item within MaxItemSize here may be refused by DynamoDB.
func ItemSize(it Item) int {
	n := attrSize("pk", it.PK) + attrSize("sk", it.SK) + attrSize("type", it.Type) +
		attrSize("gsi1pk", it.GSI1.PK) + attrSize("gsi1sk", it.GSI1.SK) +
		attrSize("gsi2pk", it.GSI2.PK) + attrSize("gsi2sk", it.GSI2.SK) + len(it.Body)
	if !it.ExpiresAt.IsZero() {
		n += attrSize("ttl", strconv.FormatInt(it.ExpiresAt.Unix(), 10))
	}
	return n
}

// attrSize is the size of an attribute: its name and value, nothing when the value is empty (the
// attribute is then absent).
func attrSize(name, value string) int {
	if value == "" {
		return 0
	}
	return len(name) + len(value)
}
