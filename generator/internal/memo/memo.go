// Package memo keeps what was made from some files, by their names and
// contents, for the next caller in the process that reads the same files:
// Basis's message catalog and parsed templates, which a watch, a server or
// a test rebuilding many times would otherwise parse each time.
//
//	var parsed = memo.New[*Catalog](8)
//
//	var k memo.Hasher
//	for _, f := range files {
//		k.File(f.name, f.data)
//	}
//	if c, ok := parsed.Get(k.Key()); ok {
//		return c, nil
//	}
//	c := parse(files)
//	parsed.Put(k.Key(), c)
//
// A value kept must not be changed by those it is given to.
package memo

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"slices"
	"sync"
)

// Key identifies a list of files by their names and contents.
type Key [sha256.Size]byte

// Hasher makes the Key of files added in order. The zero value is ready.
type Hasher struct{ h hash.Hash }

// File adds a file: its name and contents, each prefixed by its length so
// that no two lists of files share a key.
func (k *Hasher) File(name string, data []byte) {
	if k.h == nil {
		k.h = sha256.New()
	}
	for _, part := range [][]byte{[]byte(name), data} {
		k.h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(part))))
		k.h.Write(part)
	}
}

// Key is the Key of the files added so far.
func (k *Hasher) Key() Key {
	if k.h == nil {
		k.h = sha256.New()
	}
	var key Key
	k.h.Sum(key[:0])
	return key
}

// Cache holds the values of the max keys stored last. It is safe for
// concurrent use.
type Cache[V any] struct {
	mu    sync.Mutex
	max   int
	keys  []Key // oldest first
	byKey map[Key]V
}

// New returns a Cache of at most max values.
func New[V any](max int) *Cache[V] {
	return &Cache[V]{max: max, byKey: map[Key]V{}}
}

// Get returns the value stored for key, if it is still kept.
func (c *Cache[V]) Get(key Key) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.byKey[key]
	return v, ok
}

// Put stores v for key, dropping the oldest value when the cache is full;
// a key already stored keeps its value.
func (c *Cache[V]) Put(key Key, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok {
		return
	}
	if len(c.keys) == c.max {
		delete(c.byKey, c.keys[0])
		c.keys = slices.Delete(c.keys, 0, 1)
	}
	c.keys = append(c.keys, key)
	c.byKey[key] = v
}

// Len is the number of values kept.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byKey)
}
