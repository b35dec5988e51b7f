package password

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// cheap are parameters far below DefaultParams so that tests about anything but the parameters
// themselves run fast. Only tests of the defaults use DefaultParams.
var cheap = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashDefaults(t *testing.T) {
	t.Parallel()
	h := &Hasher{}
	ctx := context.Background()
	a, err := h.Hash(ctx, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "$argon2id$v=19$m=19456,t=2,p=1$"
	if !strings.HasPrefix(a, prefix) {
		t.Fatalf("hash %q lacks prefix %q", a, prefix)
	}
	parsed, err := parsePHC(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(parsed.salt) != 16 || len(parsed.key) != 32 {
		t.Errorf("salt %d bytes, key %d bytes; want 16 and 32", len(parsed.salt), len(parsed.key))
	}
	ok, rehash, err := h.Verify(ctx, "correct horse battery", a)
	if !ok || rehash || err != nil {
		t.Errorf("Verify = %v, %v, %v; want true, false, nil", ok, rehash, err)
	}
}

func TestHashSalted(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap}
	a := mustHash(t, h, "same password here")
	b := mustHash(t, h, "same password here")
	if a == b {
		t.Errorf("two hashes of one password are equal: %q", a)
	}
}

func TestVerify(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap}
	const pw = "Ünïcode pässword "
	stored := mustHash(t, h, pw)
	tests := []struct {
		name  string
		given string
		want  bool
	}{
		{"exact", pw, true},
		{"trailing_space_trimmed", strings.TrimSpace(pw), false},
		{"case_folded", strings.ToLower(pw), false},
		{"decomposed", "U\u0308nïcode pässword ", false},
		{"empty", "", false},
		{"longer", pw + "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ok, rehash, err := h.Verify(context.Background(), tt.given, stored)
			if err != nil || rehash || ok != tt.want {
				t.Errorf("Verify = %v, %v, %v; want %v, false, nil", ok, rehash, err, tt.want)
			}
		})
	}
}

func mustHash(t *testing.T, h *Hasher, pw string) string {
	t.Helper()
	s, err := h.Hash(context.Background(), pw)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNeedsRehash(t *testing.T) {
	t.Parallel()
	current := Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}
	tests := []struct {
		name   string
		stored Params
		want   bool
	}{
		{"same", current, false},
		{"less_memory", Params{Memory: 64, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}, true},
		{"fewer_passes", Params{Memory: 128, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32}, true},
		{"shorter_salt", Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 8, KeyLen: 32}, true},
		{"shorter_key", Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 16}, true},
		{"fewer_lanes", Params{Memory: 128, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}, false},
		{"stronger", Params{Memory: 256, Time: 3, Threads: 2, SaltLen: 32, KeyLen: 64}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stored := mustHash(t, &Hasher{Params: tt.stored}, "a long enough password")
			now := &Hasher{Params: current}
			ok, rehash, err := now.Verify(context.Background(), "a long enough password", stored)
			if !ok || err != nil || rehash != tt.want {
				t.Errorf("Verify = %v, %v, %v; want true, %v, nil", ok, rehash, err, tt.want)
			}
		})
	}
}

func TestVerifyMalformed(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap}
	malformed := []string{"", "password",
		"$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5"}
	for _, s := range malformed {
		_, _, err := h.Verify(context.Background(), "whatever it is", s)
		if !errors.Is(err, ErrMalformedHash) {
			t.Errorf("Verify(%q) error = %v; want ErrMalformedHash", s, err)
		}
	}
}

func TestVerifyDummy(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap}
	if err := h.VerifyDummy(context.Background(), "no account has it"); err != nil {
		t.Fatal(err)
	}
	// The dummy hash must cost what a current hash costs: same parameters.
	d, err := parsePHC(h.dummy)
	if err != nil {
		t.Fatal(err)
	}
	if d.params != h.Params {
		t.Errorf("dummy hash parameters %+v; want %+v", d.params, h.Params)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap, Concurrency: 2}
	h.init()
	if cap(h.sem) != 2 {
		t.Fatalf("semaphore holds %d; want 2", cap(h.sem))
	}
	// With every slot taken, a hash waits, and gives up when its context ends.
	h.sem <- struct{}{}
	h.sem <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Hash(ctx, "waits for a slot"); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash with all slots taken = %v; want context.Canceled", err)
	}
	if err := h.VerifyDummy(ctx, "waits for a slot"); !errors.Is(err, context.Canceled) {
		t.Errorf("VerifyDummy with all slots taken = %v; want context.Canceled", err)
	}
	<-h.sem
	if _, err := h.Hash(context.Background(), "gets the free slot"); err != nil {
		t.Errorf("Hash with a free slot: %v", err)
	}
}

func TestDefaultConcurrency(t *testing.T) {
	t.Parallel()
	h := &Hasher{Params: cheap}
	h.init()
	if got, want := cap(h.sem), runtime.NumCPU(); got != want {
		t.Errorf("default concurrency %d; want NumCPU = %d", got, want)
	}
}

// BenchmarkVerifyDefaults measures one verification with DefaultParams: the cost of a sign-in.
func BenchmarkVerifyDefaults(b *testing.B) {
	h := &Hasher{}
	ctx := context.Background()
	stored, err := h.Hash(ctx, "correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := h.Verify(ctx, "correct horse battery", stored); err != nil {
			b.Fatal(err)
		}
	}
}
