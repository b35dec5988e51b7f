package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// child is a server process started by compare.
type child struct {
	cmd   *exec.Cmd
	stdin io.Closer
	url   string
	key   string
}

// startChild runs this program again with args, which name its role, and waits for its
// "ready" line.
func startChild(ctx context.Context, args ...string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, self, args...)
	role := args[1]
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s server: %w", role, err)
	}
	c := &child{cmd: cmd, stdin: stdin}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) != 3 || f[0] != "ready" {
		c.stop()
		return nil, fmt.Errorf("%s server did not start (%q): %v", role, line, err)
	}
	c.url, c.key = f[1], f[2]
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return c, nil
}

// stop ends the child: its standard input closes, and it shuts down.
func (c *child) stop() {
	_ = c.stdin.Close()
	_ = c.cmd.Wait()
}
