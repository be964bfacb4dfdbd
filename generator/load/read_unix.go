//go:build unix

package load

import "syscall"

// openFlags make opening a named pipe return at once instead of waiting for
// a writer, and keep a terminal device from becoming the controlling one.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOCTTY
