package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"
)

// categories are the trace categories recorded: the top-level tasks of
// every thread (so that work outside the named events still shows as
// "other tasks"), Blink's document lifecycle and loading, V8, IPC and
// Mojo, the GPU and compositor, printing and Skia.
var categories = []string{
	"toplevel", "blink", "blink.user_timing", "devtools.timeline", "disabled-by-default-devtools.timeline",
	"loading", "v8", "ipc", "mojom", "gpu", "cc", "viz", "skia", "printing", "fonts", "navigation",
	"renderer", "renderer_host", "browser", "content", "net", "netlog", "devtools", "base",
}

func startTracing(b *rod.Browser) error {
	buf := float64(512 * 1024)
	return proto.TracingStart{
		TransferMode: proto.TracingStartTransferModeReturnAsStream,
		TraceConfig: &proto.TracingTraceConfig{
			RecordMode:          proto.TracingTraceConfigRecordModeRecordAsMuchAsPossible,
			TraceBufferSizeInKb: &buf,
			IncludedCategories:  categories,
			ExcludedCategories:  []string{"*"},
		},
	}.Call(b)
}

// stopTracing ends the trace and writes it to file.
func stopTracing(b *rod.Browser, file string) error {
	var done proto.TracingTracingComplete
	wait := b.WaitEvent(&done)
	if err := (proto.TracingEnd{}).Call(b); err != nil {
		return err
	}
	wait()
	if done.DataLossOccurred {
		fmt.Fprintln(os.Stderr, "pdftrace: the trace lost data (its buffer filled): the figures are low")
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for {
		r, err := proto.IORead{Handle: done.Stream}.Call(b)
		if err != nil {
			_ = f.Close()
			return fmt.Errorf("read the trace: %w", err)
		}
		var chunk io.Reader = strings.NewReader(r.Data)
		if r.Base64Encoded {
			chunk = base64.NewDecoder(base64.StdEncoding, chunk)
		}
		if _, err := io.Copy(w, chunk); err != nil {
			_ = f.Close()
			return err
		}
		if r.EOF {
			break
		}
	}
	_ = proto.IOClose{Handle: done.Stream}.Call(b)
	if err := w.Flush(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
