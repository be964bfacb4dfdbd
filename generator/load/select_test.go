package load

import (
	"errors"
	"slices"
	"testing"
)

func TestSelect(t *testing.T) {
	paths := []string{"c/baeckerei-schmidt/company.yaml", "c/nowak-doradztwo/company.yaml", "c/sen-vang/company.yaml"}
	got, err := Select(paths, []string{"sen-vang"})
	if err != nil || !slices.Equal(got, paths[2:]) {
		t.Errorf("Select(sen-vang) = %v, %v", got, err)
	}
	if got, _ := Select(paths, nil); !slices.Equal(got, paths) {
		t.Errorf("Select() = %v, want all", got)
	}
	_, err = Select(paths, []string{"sen-vnag"})
	var ue *UnknownSlugError
	if !errors.As(err, &ue) {
		t.Fatalf("want an UnknownSlugError, got %v", err)
	}
	want := `no company "sen-vnag" (did you mean "sen-vang"?); the companies are: baeckerei-schmidt, nowak-doradztwo, sen-vang`
	if err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
}
