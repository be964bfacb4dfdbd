// Command basis builds privacy documents from company YAML files.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/basis-privacy/basis/generator/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
