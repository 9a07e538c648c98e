package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// readNewPassword reads the password of a new PostgreSQL login from
// standard input, never from an argument (arguments are seen by everyone
// on the machine and kept in shell history). On a terminal it asks twice
// without echo; otherwise it takes the first line. An empty password is
// refused.
func readNewPassword(in io.Reader, prompt io.Writer, login string) (string, error) {
	if f, ok := in.(*os.File); ok {
		if _, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS); err == nil {
			return askPassword(f, prompt, login)
		}
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", usageError{fmt.Errorf("no password for %s on standard input: on PostgreSQL each staff member signs in with a password of their own; give it on standard input, e.g. printf '%%s\\n' \"$PASSWORD\" | newsroom staff add …, or run the command in a terminal to be asked", login)}
	}
	return pw, nil
}

// askPassword asks for the password twice on the terminal f, echo off.
func askPassword(f *os.File, prompt io.Writer, login string) (string, error) {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	quiet := *old
	quiet.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &quiet); err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	defer unix.IoctlSetTermios(fd, unix.TCSETS, old)
	r := bufio.NewReader(f)
	read := func(label string) (string, error) {
		fmt.Fprint(prompt, label)
		line, err := r.ReadString('\n')
		fmt.Fprintln(prompt)
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read the password: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	first, err := read("Password for " + login + ": ")
	if err != nil {
		return "", err
	}
	if first == "" {
		return "", usageError{fmt.Errorf("an empty password: %s needs a password to sign in", login)}
	}
	again, err := read("Again: ")
	if err != nil {
		return "", err
	}
	if again != first {
		return "", usageError{errors.New("the two passwords differ; nothing was added")}
	}
	return first, nil
}
