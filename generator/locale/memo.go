package locale

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"sync"
)

// loaded keeps the Catalogs of the last few Loads by the names and
// contents of the files they read (filesKey).
var loaded = &catalogMemo{max: 8}

// catalogMemo maps a key of message files to the Catalog parsed from them,
// keeping the max most recently stored.
type catalogMemo struct {
	mu    sync.Mutex
	max   int
	keys  [][sha256.Size]byte // oldest first
	byKey map[[sha256.Size]byte]*Catalog
}

func (m *catalogMemo) get(key [sha256.Size]byte) *Catalog {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.byKey[key]
}

func (m *catalogMemo) put(key [sha256.Size]byte, c *Catalog) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byKey == nil {
		m.byKey = map[[sha256.Size]byte]*Catalog{}
	}
	if _, ok := m.byKey[key]; ok {
		return
	}
	if len(m.keys) == m.max {
		delete(m.byKey, m.keys[0])
		m.keys = slices.Delete(m.keys, 0, 1)
	}
	m.keys = append(m.keys, key)
	m.byKey[key] = c
}

// filesKey is the SHA-256 of files' names and contents in order, each
// prefixed by its length so that no two lists of files share a key.
func filesKey(files []messageFile) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	for _, f := range files {
		for _, part := range [][]byte{[]byte(f.name), f.data} {
			binary.BigEndian.PutUint64(n[:], uint64(len(part)))
			h.Write(n[:])
			h.Write(part)
		}
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}
