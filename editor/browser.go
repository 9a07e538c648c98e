package editor

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// browserGrace is how long a started browser command may take to fail:
// one that exits with an error within it failed (xdg-open with no
// browser, a $BROWSER that is not one); one still running after it is
// taken as the browser, and is waited for in the background.
const browserGrace = 3 * time.Second

// browserCommand is the command line that opens url: the first entry of
// $BROWSER (a colon-separated list; "%s" in it stands for the address,
// else the address is added at the end), or xdg-open.
func browserCommand(url string) []string {
	if env := strings.TrimSpace(os.Getenv("BROWSER")); env != "" {
		first, _, _ := strings.Cut(env, ":")
		if args := strings.Fields(first); len(args) > 0 {
			with := false
			for i, a := range args {
				if strings.Contains(a, "%s") {
					args[i] = strings.ReplaceAll(a, "%s", url)
					with = true
				}
			}
			if !with {
				args = append(args, url)
			}
			return args
		}
	}
	return []string{"xdg-open", url}
}

// launchBrowser opens url in the system browser (off the UI goroutine;
// it blocks for at most grace). It reports a command that cannot start
// or that fails within grace. The child is always waited for, so it
// leaves no zombie; pid is its process id (0 when it did not start).
func launchBrowser(url string, grace time.Duration) (pid int, err error) {
	args := browserCommand(url)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("start %s: %w", args[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }() // reaps the child whenever it ends
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return cmd.Process.Pid, fmt.Errorf("%s failed (%s)", strings.Join(args[:1], " "), exit)
		}
		if err != nil {
			return cmd.Process.Pid, fmt.Errorf("%s: %w", args[0], err)
		}
		return cmd.Process.Pid, nil
	case <-time.After(grace):
		return cmd.Process.Pid, nil
	}
}
