// Package doc has a comment.
package doc
