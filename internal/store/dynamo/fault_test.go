package dynamo_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync"
	"syscall"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// A fault is what an attempt of a request meets on its way to DynamoDB: errLostResponse, or an
// error DynamoDB answers instead of applying the request (see refusals_test.go).
type fault = error

// errLostResponse lets the attempt through to DynamoDB, which applies it, then resets the
// connection before the answer arrives.
var errLostResponse fault = errors.New("lost response")

// faults injects failures into the attempts of a client's requests through the SDK's own
// middleware stack: it sits in the finalize step just after the retryer, so each attempt the
// SDK makes passes it, and what it returns reaches the retryer as DynamoDB's answer would.
type faults struct {
	mu      sync.Mutex
	planned map[string][]fault // by operation name, for its next attempts in order
	tried   map[string]int     // attempts made, by operation name
}

func newFaults() *faults {
	return &faults{planned: map[string][]fault{}, tried: map[string]int{}}
}

// plan makes the next attempts of operation op meet fs, one each, in order.
func (f *faults) plan(op string, fs ...fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.planned[op] = append(f.planned[op], fs...)
}

// attempts returns how many attempts of operation op were made, and forgets them.
func (f *faults) attempts(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := f.tried[op]
	delete(f.tried, op)
	return n
}

// left reports the faults planned that no attempt has met yet.
func (f *faults) left() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, fs := range f.planned {
		n += len(fs)
	}
	return n
}

// next counts an attempt of op and takes the fault it meets, if any.
func (f *faults) next(op string) (fault, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tried[op]++
	fs := f.planned[op]
	if len(fs) == 0 {
		return nil, false
	}
	f.planned[op] = fs[1:]
	return fs[0], true
}

// install adds the faults to a client's middleware stack.
func (f *faults) install(stack *middleware.Stack) error {
	return stack.Finalize.Insert(middleware.FinalizeMiddlewareFunc("faults",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
		) (middleware.FinalizeOutput, middleware.Metadata, error) {
			op := awsmiddleware.GetOperationName(ctx)
			flt, ok := f.next(op)
			if !ok {
				return next.HandleFinalize(ctx, in)
			}
			if !errors.Is(flt, errLostResponse) {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, flt
			}
			out, md, err := next.HandleFinalize(ctx, in)
			if err != nil {
				return out, md, fmt.Errorf("request meant to be applied failed: %w", err)
			}
			return middleware.FinalizeOutput{}, md, connectionReset(in)
		}), "Retry", middleware.After)
}

// connectionReset is the error the SDK's HTTP client returns when the connection resets while
// it waits for the response.
func connectionReset(in middleware.FinalizeInput) error {
	u := "http://dynamodb"
	if r, ok := in.Request.(*smithyhttp.Request); ok {
		u = r.URL.String()
	}
	return &smithyhttp.RequestSendError{Err: &url.Error{Op: "Post", URL: u,
		Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}}
}
