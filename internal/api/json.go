package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// DecodeJSON reads the request's JSON body into v, refusing other media types, bodies over the
// route's cap, unknown fields, trailing data and malformed JSON, each with a problem for the
// client (never a 500).
func DecodeJSON(r *http.Request, v any) error {
	if err := checkMediaType(r, "application/json"); err != nil {
		return err
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Errorf(CodeValidationFailed, "the body holds more than one JSON value")
	}
	return nil
}

func decodeError(err error) error {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return err // toError answers payload_too_large
	case errors.Is(err, io.EOF):
		return Errorf(CodeValidationFailed, "the body is empty; a JSON object is expected")
	case errors.As(err, &syntax):
		return Errorf(CodeValidationFailed, "the body is not valid JSON (at byte %d)",
			syntax.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(CodeValidationFailed, "the body is not valid JSON (it ends too soon)")
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "(body)"
		}
		return Invalid(FieldError{Field: field, Message: "must be of type " + jsonType(typ)})
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return Invalid(FieldError{Field: name, Message: "unknown field"})
	}
	return &Error{Code: CodeValidationFailed, Detail: "the body could not be read", Err: err}
}

// jsonType names the JSON type a Go type decodes from.
func jsonType(e *json.UnmarshalTypeError) string {
	switch e.Type.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "number"
}

// WriteJSON answers v as JSON with status. A value that cannot be marshalled is an internal
// error, returned before anything is written; a failed write (the client left) is not reported.
func WriteJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal answer: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
	return nil
}
