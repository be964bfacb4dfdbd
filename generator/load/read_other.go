//go:build !unix

package load

// openFlags: other systems have no named pipes that block an open.
const openFlags = 0
