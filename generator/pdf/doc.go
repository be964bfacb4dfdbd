// Package pdf prints built HTML documents to PDF with a headless Chrome or
// Chromium, driven over the DevTools protocol by go-rod.
//
// A [Printer] starts one browser and keeps it for many documents: tabs are
// reused from a small pool, the browser is restarted after a configurable
// number of documents, and a document whose browser died is retried once
// on a fresh browser. Pages only ever see files under the printer's root:
// every other request (http, https, files elsewhere) is failed before it
// leaves the browser, scripts in the documents do not run, and the browser
// is started with its own background networking switched off.
//
//	p, err := pdf.New(pdf.WithRoot(publicDir))
//	if err != nil {
//		return err
//	}
//	defer p.Close()
//	err = p.PrintAll(ctx, jobs, nil)
//
// Close kills the whole browser process tree and removes its temporary
// profile; a guard process (rod's leakless) does the same if the calling
// program is killed.
package pdf
