package testenv_test

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

func TestClock(t *testing.T) {
	c := testenv.NewClock()
	start := c.Now()
	c.Advance(time.Hour)
	if got := c.Now().Sub(start); got != time.Hour {
		t.Errorf("after Advance(1h) the clock moved %v", got)
	}
	c.Set(start)
	if !c.Now().Equal(start) {
		t.Errorf("after Set the clock reads %v, want %v", c.Now(), start)
	}
}
