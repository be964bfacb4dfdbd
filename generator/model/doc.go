// Package model defines the in-memory form of a company file: the controller,
// its lines of business, purposes with legal bases, recipients, form fields
// and planned campaigns. The loader fills it; checks and renderers read it.
package model
