package dynamo

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/licensorhq/licensor/internal/store"
)

// position is where a reader stands in the table's stream: the last sequence number read in
// each shard it has begun, and the shards it has read to their end. A shard in neither is read
// from its oldest record. Shards the stream no longer lists (after 24 hours) are forgotten.
type position struct {
	Seq  map[string]string `json:"s,omitempty"`
	Done map[string]bool   `json:"-"`
	// DoneList is Done as JSON keeps it, sorted so that equal positions encode equally.
	DoneList []string `json:"d,omitempty"`
}

func decodePosition(s string) (position, error) {
	p := position{Seq: map[string]string{}, Done: map[string]bool{}}
	if s == "" {
		return p, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &p)
	}
	if err != nil {
		return p, fmt.Errorf("%w: malformed change feed position", store.ErrInvalid)
	}
	if p.Seq == nil {
		p.Seq = map[string]string{}
	}
	for _, id := range p.DoneList {
		p.Done[id] = true
	}
	return p, nil
}

func (p *position) encode() string {
	p.DoneList = p.DoneList[:0]
	for id := range p.Done {
		p.DoneList = append(p.DoneList, id)
	}
	sort.Strings(p.DoneList)
	b, _ := json.Marshal(p) // maps and slices of strings always encode
	return base64.RawURLEncoding.EncodeToString(b)
}

// finish records that shard id has been read to its end.
func (p *position) finish(id string) {
	delete(p.Seq, id)
	p.Done[id] = true
}

// prune forgets the shards that are not listed any more.
func (p *position) prune(listed map[string]bool) {
	for id := range p.Seq {
		if !listed[id] {
			delete(p.Seq, id)
		}
	}
	for id := range p.Done {
		if !listed[id] {
			delete(p.Done, id)
		}
	}
}
