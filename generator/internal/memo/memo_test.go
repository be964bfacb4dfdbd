package memo

import "testing"

func key(files ...string) Key {
	var k Hasher
	for i := 0; i+1 < len(files); i += 2 {
		k.File(files[i], []byte(files[i+1]))
	}
	return k.Key()
}

// TestKey: the same files give the same key; a changed name, content,
// order or split between name and content gives another.
func TestKey(t *testing.T) {
	base := key("a.yaml", "x: 1", "b.yaml", "y: 2")
	if key("a.yaml", "x: 1", "b.yaml", "y: 2") != base {
		t.Error("the same files gave two keys")
	}
	for name, other := range map[string]Key{
		"content": key("a.yaml", "x: 3", "b.yaml", "y: 2"),
		"name":    key("c.yaml", "x: 1", "b.yaml", "y: 2"),
		"order":   key("b.yaml", "y: 2", "a.yaml", "x: 1"),
		"split":   key("a.yamlx", ": 1", "b.yaml", "y: 2"),
		"fewer":   key("a.yaml", "x: 1"),
		"none":    key(),
	} {
		if other == base {
			t.Errorf("%s: changed files gave the same key", name)
		}
	}
}

// TestCacheKeepsTheLatest: the cache holds at most max values, the most
// recently stored, and a key stored again keeps its first value.
func TestCacheKeepsTheLatest(t *testing.T) {
	c := New[int](2)
	c.Put(Key{1}, 1)
	c.Put(Key{2}, 2)
	c.Put(Key{2}, 20)
	c.Put(Key{3}, 3)
	if _, ok := c.Get(Key{1}); ok {
		t.Error("the oldest value is still kept")
	}
	if v, ok := c.Get(Key{2}); !ok || v != 2 {
		t.Errorf("key 2 holds %d, %v", v, ok)
	}
	if v, ok := c.Get(Key{3}); !ok || v != 3 || c.Len() != 2 {
		t.Errorf("key 3 holds %d, %v; %d kept", v, ok, c.Len())
	}
}
