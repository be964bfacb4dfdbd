// Package pdf prints built HTML documents to PDF with a headless Chrome or
// Chromium, driven over the DevTools protocol by go-rod.
//
// A [Printer] starts one browser and keeps it for many documents: tabs are
// reused from a small pool, the browser is restarted after a configurable
// number of documents, and a document whose browser died is retried once
// on a fresh browser.
//
// A tab navigates to its first document only. Each later one is put in
// place of the document the tab holds (Page.setDocumentContent, with a
// <base> of the page's own address), so the browser keeps the stylesheet
// and the fonts it loaded and does not build a new document per page:
// about 0.6 of the CPU time of a navigation, with the same PDF. A tab
// whose files changed since, or that fails to take a page, navigates;
// [WithNavigation] makes every document navigate. [NewJob] makes a job
// from a page: its title, language and the files it loads.
//
// Pages only load files under the printer's root: every other request
// (http, https, files elsewhere) is failed before it leaves the browser,
// the documents' own scripts do not run unless [WithScripts] allows them,
// and the browser runs with its background networking off and with every
// host name resolving to nothing.
//
// Each page is A4 with a running footer: the job's title on the left and
// its localized page phrase ("Seite 1 von 3") on the right. The footer is
// drawn in CSS page margin boxes, so it uses the document's own web fonts
// rather than whatever fonts the system has.
//
//	p, err := pdf.New(pdf.WithRoot(publicDir))
//	if err != nil {
//		return err
//	}
//	defer p.Close()
//	err = p.PrintAll(ctx, jobs, nil)
//
// The browser is driven over its DevTools connection by a client of
// Basis's own, under rod: every command has a deadline, and a browser that
// sends what no browser sends (a frame larger than 16 MiB, a message that
// is not JSON) ends its connection with a [*ProtocolError], never a panic.
//
// With [WithEndpoints] the printer starts no browser: it prints on remote
// ones (a browserless service, chromedp/headless-shell containers, any
// Chrome started with --remote-debugging-port) as a pool, documents going
// to the browser with the fewest in progress; a browser that dies leaves
// the pool and its documents are printed by the others. A remote browser
// never reads the local disk: it loads each page from the made-up address
// http://basis.invalid, and the printer answers that address's requests
// over the DevTools connection with the root's files, failing every other
// request as it does locally. The PDF comes back over the same connection.
//
//	p, err := pdf.New(pdf.WithRoot(publicDir),
//		pdf.WithEndpoints("ws://chrome-1:3000", "http://chrome-2:9222"))
//
// Close kills the whole browser process tree and removes its temporary
// directory; rod's leakless guard process kills the browser if the calling
// program dies without closing it, even by SIGKILL. The temporary directory
// such a program leaves behind is removed by the next Printer of the same
// user to start a browser, once no live process uses it.
package pdf
