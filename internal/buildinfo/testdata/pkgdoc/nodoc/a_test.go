// Package testonly has only a test file.
package testonly
