// This comment is not attached.

package nodoc
