package site

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/basis-privacy/basis/generator/load"
)

// StageError is an error of one stage of a build (plan, render HTML, write
// Word documents, print PDFs, publish), named by it. Errors about the
// input (a company file, a folder, a check that found errors) and
// cancellation are reported as they are, not wrapped in one.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return e.Stage + ": " + e.Err.Error() }

func (e *StageError) Unwrap() error { return e.Err }

// stageError wraps err with the stage it happened in, unless it is an
// error about the input or a cancellation, which speak for themselves.
func stageError(stage string, err error) error {
	var (
		cerr *CheckError
		ferr *FolderError
		rerr *load.ReadError
		lerr load.Errors
		uerr *load.UnknownSlugError
		serr *StageError
		perr *ProgramError
	)
	switch {
	case errors.As(err, &cerr), errors.As(err, &ferr), errors.As(err, &rerr), errors.As(err, &lerr), errors.As(err, &uerr), errors.As(err, &serr), errors.As(err, &perr),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return &StageError{Stage: stage, Err: err}
}

// target is one output folder of a build: which documents it gets, and
// what the previous build left in it.
type target struct {
	name     string   // public or internal
	out      string   // absolute, links resolved
	manifest string   // the file name of its manifest in the cache folder
	docs     []string // the documents it gets, as the project file names them
	public   bool     // it is published (at the project's base URL)
	old      *manifest
}

// gets reports whether the output gets the document group (load.DocPrivacy, ...).
func (t *target) gets(group string) bool { return slices.Contains(t.docs, group) }

// buildTargets returns the outputs of a build of opts.
//
// An output that is a symbolic link is published into the folder it
// points to, and the link is kept: the build stages beside that folder
// and swaps it, never the link.
func buildTargets(opts Options) ([]*target, error) {
	proj := project(opts)
	out, err := realPath(opts.Out)
	if err != nil {
		return nil, err
	}
	public := &target{name: "public", out: out, manifest: manifestName, docs: proj.Public.Documents, public: true}
	if opts.Internal == "" {
		public.docs = slices.Concat(proj.Public.Documents, proj.Internal.Documents)
		return []*target{public}, nil
	}
	for _, d := range documents {
		if d.audience == Internal && public.gets(d.group) {
			return nil, fmt.Errorf("the project publishes %s, an internal document (%s); list it under internal", d.group, d.name)
		}
	}
	in, err := realPath(opts.Internal)
	if err != nil {
		return nil, err
	}
	return []*target{public, {name: "internal", out: in, manifest: "manifest.internal.json", docs: proj.Internal.Documents}}, nil
}

// project returns the project of opts, or the default one.
func project(opts Options) *load.Project {
	if opts.Project != nil {
		return opts.Project
	}
	return load.DefaultProject()
}

// targetOf returns the output that gets the document group, or an
// output of no documents.
func targetOf(targets []*target, group string) *target {
	for _, t := range targets {
		if t.gets(group) {
			return t
		}
	}
	return &target{}
}

// navOf lists the pages a page of the document group links in its
// navigation: those of its own output, in registry order.
func navOf(targets []*target, group string) []string {
	t := targetOf(targets, group)
	var out []string
	for _, d := range documents {
		if d.kind != "" && t.gets(d.group) {
			out = append(out, d.kind)
		}
	}
	return out
}
