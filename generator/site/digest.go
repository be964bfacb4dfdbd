package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// digest is a SHA-256 sum held as its 32 bytes: the manifest keeps one per
// output file, and as bytes it takes a third of the memory hex text takes
// (a site of 10,000 companies has 200,000 files). In the manifest file it is
// written as hex, as before.
type digest [sha256.Size]byte

// digestOf parses the hex key s; a key that is not one (never made by
// this package) gives the zero digest, which matches no file's key.
func digestOf(s string) digest {
	var d digest
	if len(s) != 2*len(d) {
		return digest{}
	}
	if _, err := hex.Decode(d[:], []byte(s)); err != nil {
		return digest{}
	}
	return d
}

func (d digest) String() string { return hex.EncodeToString(d[:]) }

// MarshalText writes d as hex.
func (d digest) MarshalText() ([]byte, error) {
	b := make([]byte, hex.EncodedLen(len(d)))
	hex.Encode(b, d[:])
	return b, nil
}

// UnmarshalText reads d from hex, refusing anything else: a manifest with
// a damaged key is not trusted.
func (d *digest) UnmarshalText(b []byte) error {
	if len(b) != hex.EncodedLen(len(d)) {
		return fmt.Errorf("digest: %d characters, want %d", len(b), hex.EncodedLen(len(d)))
	}
	_, err := hex.Decode(d[:], b)
	return err
}
