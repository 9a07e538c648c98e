// Command xdnddrop drops files on the X window under the pointer, as a
// file manager does: it is the source side of the XDND protocol (owns
// XdndSelection, sends XdndEnter and XdndPosition, waits for XdndStatus,
// sends XdndDrop, answers the target's request for text/uri-list and waits
// for XdndFinished). The real-window tests use it; no Debian tool does
// this from a script.
//
//	DISPLAY=:5 xdnddrop FILE...
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xdndVersion is the protocol version this source speaks.
const xdndVersion = 5

func main() {
	timeout := flag.Duration("timeout", 10*time.Second, "give up after this long")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: xdnddrop [-timeout D] FILE...")
		os.Exit(2)
	}
	var list strings.Builder
	for _, f := range flag.Args() {
		abs, err := filepath.Abs(f)
		if err != nil {
			log.Fatal(err)
		}
		list.WriteString((&url.URL{Scheme: "file", Path: abs}).String() + "\r\n")
	}
	xgb.Logger = log.New(io.Discard, "", 0)
	if err := drop(list.String(), time.Now().Add(*timeout)); err != nil {
		fmt.Fprintln(os.Stderr, "xdnddrop:", err)
		os.Exit(1)
	}
}

// session is one drop in progress.
type session struct {
	conn     *xgb.Conn
	root     xproto.Window
	src      xproto.Window
	deadline time.Time
	events   chan xgb.Event
	atoms    map[string]xproto.Atom
}

func drop(uriList string, deadline time.Time) error {
	conn, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("connect to the X display: %w", err)
	}
	defer conn.Close()
	s := &session{conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root, deadline: deadline,
		events: make(chan xgb.Event, 64), atoms: map[string]xproto.Atom{}}
	go func() {
		for {
			ev, err := conn.WaitForEvent()
			if ev == nil && err == nil {
				close(s.events)
				return
			}
			if ev != nil {
				s.events <- ev
			}
		}
	}()
	if s.src, err = xproto.NewWindowId(conn); err != nil {
		return err
	}
	if err := xproto.CreateWindowChecked(conn, 0, s.src, s.root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check(); err != nil {
		return fmt.Errorf("create the source window: %w", err)
	}
	if err := xproto.SetSelectionOwnerChecked(conn, s.src, s.atom("XdndSelection"), xproto.TimeCurrentTime).Check(); err != nil {
		return fmt.Errorf("own XdndSelection: %w", err)
	}
	target, version, x, y, err := s.target()
	if err != nil {
		return err
	}
	uriType := s.atom("text/uri-list")
	s.send(target, "XdndEnter", uint32(s.src), version<<24, uint32(uriType), 0, 0)
	s.send(target, "XdndPosition", uint32(s.src), 0, uint32(x)<<16|uint32(y), 0, uint32(s.atom("XdndActionCopy")))
	status, err := s.wait("XdndStatus", nil)
	if err != nil {
		return err
	}
	if status.Data.Data32[1]&1 == 0 {
		return errors.New("the window refused the drop (XdndStatus without accept)")
	}
	s.send(target, "XdndDrop", uint32(s.src), 0, 0, 0, 0)
	var asked []string
	finished, err := s.wait("XdndFinished", func(req xproto.SelectionRequestEvent) {
		asked = append(asked, fmt.Sprintf("target %d property %d", req.Target, req.Property))
		s.answer(req, uriType, uriList)
	})
	if err != nil {
		return fmt.Errorf("%w (requests answered: %q)", err, asked)
	}
	// The spec says bit 0 of l[1] is success; GLFW puts the length of the
	// data it read there (0 when it read none): nonzero is success.
	if version >= 5 && finished.Data.Data32[1] == 0 {
		return fmt.Errorf("the window did not take the drop (XdndFinished %v; requests answered: %q)", finished.Data.Data32, asked)
	}
	return nil
}

// atom interns name (an error shows up as a refused request later).
func (s *session) atom(name string) xproto.Atom {
	if a, ok := s.atoms[name]; ok {
		return a
	}
	r, err := xproto.InternAtom(s.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0
	}
	s.atoms[name] = r.Atom
	return r.Atom
}

// target finds the XDND-aware window under the pointer (the pointer's
// window or one of its ancestors' children down the chain) and the
// pointer's root coordinates.
func (s *session) target() (xproto.Window, uint32, int16, int16, error) {
	aware := s.atom("XdndAware")
	w := s.root
	var x, y int16
	for depth := 0; depth < 32; depth++ {
		p, err := xproto.QueryPointer(s.conn, w).Reply()
		if err != nil {
			return 0, 0, 0, 0, fmt.Errorf("find the pointer: %w", err)
		}
		if depth == 0 {
			x, y = p.RootX, p.RootY
		}
		if p.Child == xproto.WindowNone {
			break
		}
		w = p.Child
		prop, err := xproto.GetProperty(s.conn, false, w, aware, xproto.AtomAtom, 0, 1).Reply()
		if err == nil && prop.ValueLen == 1 {
			v := xgb.Get32(prop.Value)
			if v > xdndVersion {
				v = xdndVersion
			}
			return w, v, x, y, nil
		}
	}
	return 0, 0, 0, 0, errors.New("no XDND-aware window under the pointer")
}

// send sends an XDND client message to target.
func (s *session) send(target xproto.Window, kind string, data ...uint32) {
	ev := xproto.ClientMessageEvent{Format: 32, Window: target, Type: s.atom(kind),
		Data: xproto.ClientMessageDataUnionData32New(data)}
	xproto.SendEvent(s.conn, false, target, 0, string(ev.Bytes()))
}

// wait waits for the client message kind, answering selection requests
// with onRequest meanwhile.
func (s *session) wait(kind string, onRequest func(xproto.SelectionRequestEvent)) (xproto.ClientMessageEvent, error) {
	want := s.atom(kind)
	timer := time.NewTimer(time.Until(s.deadline))
	defer timer.Stop()
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				return xproto.ClientMessageEvent{}, errors.New("the X connection closed")
			}
			switch e := ev.(type) {
			case xproto.ClientMessageEvent:
				if e.Type == want {
					return e, nil
				}
			case xproto.SelectionRequestEvent:
				if onRequest != nil {
					onRequest(e)
				} else {
					s.refuse(e)
				}
			}
		case <-timer.C:
			return xproto.ClientMessageEvent{}, fmt.Errorf("no %s from the window in time", kind)
		}
	}
}

// answer gives the requestor the URI list when it asks for text/uri-list.
func (s *session) answer(req xproto.SelectionRequestEvent, uriType xproto.Atom, uriList string) {
	if req.Target != uriType || req.Selection != s.atom("XdndSelection") {
		s.refuse(req)
		return
	}
	prop := req.Property
	if prop == xproto.AtomNone {
		prop = req.Target
	}
	xproto.ChangeProperty(s.conn, xproto.PropModeReplace, req.Requestor, prop, uriType, 8, uint32(len(uriList)), []byte(uriList))
	s.notify(req, prop)
}

// refuse tells the requestor its conversion is not offered.
func (s *session) refuse(req xproto.SelectionRequestEvent) { s.notify(req, xproto.AtomNone) }

func (s *session) notify(req xproto.SelectionRequestEvent, prop xproto.Atom) {
	ev := xproto.SelectionNotifyEvent{Time: req.Time, Requestor: req.Requestor, Selection: req.Selection, Target: req.Target, Property: prop}
	xproto.SendEvent(s.conn, false, req.Requestor, 0, string(ev.Bytes()))
}
