package law

import "flag"

var update = flag.Bool("update", false, "rewrite RULES.md's law table")
