package password

// Params are argon2id's cost parameters and the sizes of salt and key.
type Params struct {
	// Memory is in KiB.
	Memory uint32
	// Time is the number of passes over the memory.
	Time uint32
	// Threads is the degree of parallelism (lanes).
	Threads uint8
	// SaltLen and KeyLen are in bytes.
	SaltLen uint32
	KeyLen  uint32
}

// DefaultParams are OWASP's minimum for argon2id (m=19 MiB, t=2, p=1), with a 16-byte salt and
// a 32-byte key. Raise them, never lower them: Verify then asks for a rehash of older hashes.
var DefaultParams = Params{Memory: 19456, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// weakerThan reports whether a hash made with p costs an attacker less than one made with cur.
// Parallelism is left out: more lanes do not make a hash harder to guess, only faster to compute.
func (p Params) weakerThan(cur Params) bool {
	return p.Memory < cur.Memory || p.Time < cur.Time ||
		p.SaltLen < cur.SaltLen || p.KeyLen < cur.KeyLen
}

// withDefaults returns p with each zero field replaced by DefaultParams' value.
func (p Params) withDefaults() Params {
	d := DefaultParams
	if p.Memory == 0 {
		p.Memory = d.Memory
	}
	if p.Time == 0 {
		p.Time = d.Time
	}
	if p.Threads == 0 {
		p.Threads = d.Threads
	}
	if p.SaltLen == 0 {
		p.SaltLen = d.SaltLen
	}
	if p.KeyLen == 0 {
		p.KeyLen = d.KeyLen
	}
	return p
}
