// Package clipimage reads the picture the system clipboard holds: the
// bytes a screenshot tool or a browser's "Copy image" offers on the X11
// CLIPBOARD selection as image/png, image/jpeg, image/webp or image/gif.
// Fyne's clipboard gives only text. It speaks the X protocol in pure Go
// (github.com/jezek/xgb) on a connection of its own, bounded in time and
// in size (large images come in INCR chunks); with no X display, no owner
// or no image target it reports nothing and the caller pastes text.
//
// It checks nothing about the bytes: photo.Read does that, as for every
// other way an image comes in.
package clipimage

import (
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Types are the image targets asked for, best first.
var Types = []string{"image/png", "image/jpeg", "image/webp", "image/gif"}

// xgb logs each connection made without an ~/.Xauthority (the usual
// case): the program's output is no place for that.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// DefaultTimeout bounds one read when X11.Timeout is zero.
const DefaultTimeout = 3 * time.Second

// chunk is how much of a property one GetProperty request asks for.
const chunk = 1 << 20

// X11 reads the CLIPBOARD selection of an X display.
type X11 struct {
	// Display names the X display; "" is $DISPLAY.
	Display string
	// Timeout bounds the whole read; 0 is DefaultTimeout.
	Timeout time.Duration
}

// ReadImage returns the image bytes on the clipboard: at most limit+1 of
// them, so that a caller checking the size sees an image over limit as
// such without the rest being read. It returns nil and no error when
// there is no X display, nobody owns the clipboard or it offers no image.
// It blocks until the owner answers or the timeout passes: call it off
// the UI goroutine.
func (x X11) ReadImage(limit int64) ([]byte, error) {
	conn, err := xgb.NewConnDisplay(x.Display)
	if err != nil {
		return nil, nil // no X display: nothing to paste but text
	}
	defer conn.Close()
	timeout := x.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	r, err := newReader(conn, time.Now().Add(timeout))
	if err != nil {
		return nil, fmt.Errorf("read the clipboard: %w", err)
	}
	defer r.stop()
	data, err := r.image(limit)
	if err != nil {
		return nil, fmt.Errorf("read the clipboard: %w", err)
	}
	return data, nil
}

// reader is one X connection asking for the clipboard into a window of
// its own.
type reader struct {
	conn     *xgb.Conn
	win      xproto.Window
	deadline time.Time
	events   chan xgb.Event
	done     chan struct{}
	atoms    map[string]xproto.Atom
}

// errTimeout says the clipboard's owner did not answer in time.
var errTimeout = errors.New("the program holding the clipboard did not answer in time")

func newReader(conn *xgb.Conn, deadline time.Time) (*reader, error) {
	r := &reader{conn: conn, deadline: deadline, events: make(chan xgb.Event, 64), done: make(chan struct{}), atoms: map[string]xproto.Atom{}}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	win, err := xproto.NewWindowId(conn)
	if err != nil {
		return nil, err
	}
	r.win = win
	err = xproto.CreateWindowChecked(conn, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0,
		xproto.CwEventMask, []uint32{xproto.EventMaskPropertyChange}).Check()
	if err != nil {
		return nil, fmt.Errorf("create a window: %w", err)
	}
	go r.pump()
	return r, nil
}

// pump hands the connection's events over until it closes.
func (r *reader) pump() {
	for {
		ev, err := r.conn.WaitForEvent()
		if ev == nil && err == nil {
			return // closed
		}
		if ev == nil {
			continue
		}
		select {
		case r.events <- ev:
		case <-r.done:
			return
		}
	}
}

func (r *reader) stop() { close(r.done) }

// atom interns name.
func (r *reader) atom(name string) (xproto.Atom, error) {
	if a, ok := r.atoms[name]; ok {
		return a, nil
	}
	reply, err := xproto.InternAtom(r.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, fmt.Errorf("intern %s: %w", name, err)
	}
	r.atoms[name] = reply.Atom
	return reply.Atom, nil
}

// image asks the clipboard's owner for its targets, then for the first
// image type among them.
func (r *reader) image(limit int64) ([]byte, error) {
	clipboard, err := r.atom("CLIPBOARD")
	if err != nil {
		return nil, err
	}
	owner, err := xproto.GetSelectionOwner(r.conn, clipboard).Reply()
	if err != nil {
		return nil, fmt.Errorf("ask the clipboard's owner: %w", err)
	}
	if owner.Owner == xproto.WindowNone {
		return nil, nil
	}
	targets, err := r.atom("TARGETS")
	if err != nil {
		return nil, err
	}
	_, list, err := r.convert(clipboard, targets, 64*1024)
	if err != nil || list == nil {
		return nil, err
	}
	offered := map[xproto.Atom]bool{}
	for i := 0; i+4 <= len(list); i += 4 {
		offered[xproto.Atom(xgb.Get32(list[i:]))] = true
	}
	for _, name := range Types {
		a, err := r.atom(name)
		if err != nil {
			return nil, err
		}
		if offered[a] {
			_, data, err := r.convert(clipboard, a, limit)
			return data, err
		}
	}
	return nil, nil
}

// convert asks for the selection as target and reads what the owner puts
// into our property (at most limit+1 bytes), following the INCR protocol
// when the owner sends it in chunks. A refusal is nil data.
func (r *reader) convert(selection, target xproto.Atom, limit int64) (xproto.Atom, []byte, error) {
	prop, err := r.atom("NEWSROOM_CLIPBOARD")
	if err != nil {
		return 0, nil, err
	}
	incr, err := r.atom("INCR")
	if err != nil {
		return 0, nil, err
	}
	xproto.ConvertSelection(r.conn, r.win, selection, target, prop, xproto.TimeCurrentTime)
	for {
		ev, err := r.next()
		if err != nil {
			return 0, nil, err
		}
		n, ok := ev.(xproto.SelectionNotifyEvent)
		if !ok || n.Requestor != r.win || n.Selection != selection {
			continue
		}
		if n.Property == xproto.AtomNone {
			return 0, nil, nil // the owner refused this target
		}
		break
	}
	typ, data, err := r.property(prop, limit)
	if err != nil || typ != incr {
		return typ, data, err
	}
	// INCR: deleting the property (done by property) asks for the first
	// chunk; each new value is a chunk; an empty one ends the transfer.
	data = nil
	for {
		ev, err := r.next()
		if err != nil {
			return 0, nil, err
		}
		n, ok := ev.(xproto.PropertyNotifyEvent)
		if !ok || n.Window != r.win || n.Atom != prop || n.State != xproto.PropertyNewValue {
			continue
		}
		t, part, err := r.property(prop, limit)
		if err != nil {
			return 0, nil, err
		}
		if len(part) == 0 {
			return t, data, nil
		}
		typ = t
		data = append(data, part...)
		if int64(len(data)) > limit {
			return typ, data[:limit+1], nil // over the limit: the caller refuses it
		}
	}
}

// property reads our property (at most limit+1 bytes) and deletes it.
func (r *reader) property(prop xproto.Atom, limit int64) (xproto.Atom, []byte, error) {
	var (
		data []byte
		typ  xproto.Atom
		off  uint32
	)
	for {
		reply, err := xproto.GetProperty(r.conn, false, r.win, prop, xproto.GetPropertyTypeAny, off, chunk/4).Reply()
		if err != nil {
			return 0, nil, fmt.Errorf("read the clipboard's data: %w", err)
		}
		typ = reply.Type
		data = append(data, reply.Value...)
		if reply.BytesAfter == 0 || int64(len(data)) > limit || len(reply.Value) == 0 {
			break
		}
		off += uint32(len(reply.Value) / 4)
	}
	if err := xproto.DeletePropertyChecked(r.conn, r.win, prop).Check(); err != nil {
		return 0, nil, fmt.Errorf("clear the clipboard's data: %w", err)
	}
	if int64(len(data)) > limit+1 {
		data = data[:limit+1]
	}
	return typ, data, nil
}

// next waits for the next event until the deadline.
func (r *reader) next() (xgb.Event, error) {
	wait := time.Until(r.deadline)
	if wait <= 0 {
		return nil, errTimeout
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case ev := <-r.events:
		return ev, nil
	case <-t.C:
		return nil, errTimeout
	}
}
