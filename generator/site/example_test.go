package site_test

import (
	"fmt"

	"github.com/basis-privacy/basis/generator/site"
)

// CheckFolders refuses an output folder whose replacement would destroy
// files Basis did not make, before anything is touched.
func ExampleCheckFolders() {
	err := site.CheckFolders("content", ".", "")
	fmt.Println(err)
	// Output: the output folder "." is the working directory; choose a folder of its own, such as public; Basis replaces it on every build
}
