package site

import (
	"context"
	"sync"
	"sync/atomic"
)

// forEach calls fn(0) … fn(n-1) on at most workers goroutines (at least
// one), as errgroup with SetLimit does: after an error, or once ctx is
// done, it starts no more calls. It returns ctx's error if ctx is done,
// else the error of the lowest index that failed.
func forEach(ctx context.Context, n, workers int, fn func(i int) error) error {
	if n <= 0 {
		return ctx.Err()
	}
	workers = max(1, min(workers, n))
	errs := make([]error, n)
	var (
		wg     sync.WaitGroup
		next   atomic.Int64
		failed atomic.Bool
	)
	for range workers {
		wg.Go(func() {
			for !failed.Load() && ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if errs[i] = fn(i); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
