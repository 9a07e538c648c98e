package cli

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"newsroom/domain"
	"newsroom/photo"
	"newsroom/publish"
	"newsroom/storage"
)

// newMediaCmd is `newsroom media add|list|show`: the media library.
func newMediaCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "media", Short: "Add, list or show images of the media library", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("media needs a command: add, list or show")}
		}}
	cmd.AddCommand(newMediaAddCmd(e), newMediaListCmd(e), newMediaShowCmd(e))
	return cmd
}

// mediaFieldFlags are the editable fields `media add` takes.
type mediaFieldFlags struct {
	caption, credit, creator, copyright, alt string
}

// apply sets the fields given on the command line on m; it reports
// whether any was given.
func (f mediaFieldFlags) apply(cmd *cobra.Command, m *domain.Media) bool {
	given := false
	for _, x := range []struct {
		flag  string
		value string
		field *string
	}{
		{"caption", f.caption, &m.Caption}, {"credit", f.credit, &m.Credit}, {"creator", f.creator, &m.Creator},
		{"copyright", f.copyright, &m.Copyright}, {"alt", f.alt, &m.Alt},
	} {
		if cmd.Flags().Changed(x.flag) {
			*x.field, given = x.value, true
		}
	}
	return given
}

func newMediaAddCmd(e *env) *cobra.Command {
	var (
		fields mediaFieldFlags
		leadOf string
	)
	cmd := &cobra.Command{
		Use:   "add FILE [--caption TEXT] [--credit TEXT] [--alt TEXT] [--lead-of SLUG]",
		Short: "Add an image (JPEG, PNG, WebP, GIF) to the library and print its ref",
		Long: `Add an image to the media library and print its ref. The caption, credit,
creator and copyright embedded in the file (IPTC, XMP, EXIF) fill the fields
unless given here. A file already in the library (the same bytes) is not
stored again: its ref is printed, and fields given here update it.
--lead-of makes the image the lead photo of the article SLUG.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			data, info, err := photo.ReadFile(args[0], photo.DefaultLimits)
			if err != nil {
				return fmt.Errorf("media add: %w", err)
			}
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			var article *domain.Article
			if leadOf != "" {
				// Looked up first, so a wrong slug stores nothing.
				if article, err = store.GetArticleBySlug(ctx, leadOf); err != nil {
					return fmt.Errorf("media add --lead-of: %w", err)
				}
			}
			m := info.Media(args[0])
			fields.apply(cmd, &m)
			stored, existed, err := store.AddMedia(ctx, data, m)
			if err != nil {
				return fmt.Errorf("media add: %w", err)
			}
			if existed {
				fmt.Fprintf(cmd.ErrOrStderr(), "already in the library as %s (%s, added %s)\n",
					stored.Ref, stored.Filename, stored.CreatedAt.Local().Format("2006-01-02 15:04"))
				if fields.apply(cmd, &stored) {
					if err := store.UpdateMedia(ctx, stored); err != nil {
						return fmt.Errorf("media add: %w", err)
					}
					fmt.Fprintln(cmd.ErrOrStderr(), "updated its fields from the command line")
				}
			}
			if article != nil && article.LeadImage != stored.Ref {
				article.LeadImage = stored.Ref
				if _, err := store.SaveArticle(ctx, article, "newsroom media"); err != nil {
					return fmt.Errorf("media add: the image is in the library as %s, but setting it as the lead photo of %q failed: %w",
						stored.Ref, leadOf, err)
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), stored.Ref)
			return nil
		},
	}
	cmd.Flags().StringVar(&fields.caption, "caption", "", "caption shown under the image")
	cmd.Flags().StringVar(&fields.credit, "credit", "", "credit line (photographer / agency)")
	cmd.Flags().StringVar(&fields.creator, "creator", "", "who made the picture")
	cmd.Flags().StringVar(&fields.copyright, "copyright", "", "copyright or usage note")
	cmd.Flags().StringVar(&fields.alt, "alt", "", "alternative text describing the image for readers who cannot see it")
	cmd.Flags().StringVar(&leadOf, "lead-of", "", "make the image the lead photo of the article with this slug")
	return cmd
}

func newMediaListCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the images of the library, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			list, err := withStore(cmd, e, func(s *storage.Store) ([]domain.Media, error) { return s.MediaList(cmd.Context()) })
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				items := make([]mediaJSON, 0, len(list))
				for _, m := range list {
					items = append(items, toMediaJSON(m))
				}
				return writeJSON(out, items)
			}
			for _, m := range list {
				fmt.Fprintf(out, "%s  %-4s %5d×%-5d %9s  %s  %s\n", m.Ref, m.Format, m.Width, m.Height,
					byteSize(m.Bytes), m.Filename, oneLine(m.Caption, 60))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newMediaShowCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show REF [--json]",
		Short: "Show every field of one image, with what was read from the file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var frames publish.GIFInfo
			m, err := withStore(cmd, e, func(s *storage.Store) (domain.Media, error) {
				m, err := s.Media(cmd.Context(), args[0])
				if err != nil || m.Format != "gif" {
					return m, err
				}
				// The frame count is not in the record: read from the
				// file's blocks, which is quick.
				data, err := s.MediaData(cmd.Context(), m.Ref)
				if err != nil {
					return m, fmt.Errorf("read image %q: %w", m.Ref, err)
				}
				frames, _ = publish.ReadGIFInfo(data)
				return m, nil
			})
			if err != nil {
				return err
			}
			if asJSON {
				j := toMediaJSON(m)
				j.Frames, j.Animated = frames.Frames, frames.Frames > 1 && frames.Animates
				return writeJSON(cmd.OutOrStdout(), j)
			}
			writeMedia(cmd.OutOrStdout(), m)
			if frames.Frames > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "frames: %s\n", gifFrames(frames))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// withStore opens the database, runs fn and closes it.
func withStore[T any](cmd *cobra.Command, e *env, fn func(*storage.Store) (T, error)) (T, error) {
	store, err := e.store(cmd.Context())
	if err != nil {
		var zero T
		return zero, err
	}
	defer store.Close()
	return fn(store)
}

// writeMedia prints every field of m, one a line.
func writeMedia(w io.Writer, m domain.Media) {
	fmt.Fprintf(w, "ref: %s\nsha256: %s\nformat: %s\nsize: %d × %d pixels, %s (%d bytes)\nfilename: %s\n",
		m.Ref, m.SHA256, m.Format, m.Width, m.Height, byteSize(m.Bytes), m.Bytes, m.Filename)
	fmt.Fprintf(w, "title: %s\ndescription: %s\n", m.Title, m.Description)
	fmt.Fprintf(w, "caption: %s\ncredit: %s\ncreator: %s\ncopyright: %s\nalt: %s\nsource URL: %s\nfocal point: %g, %g\norigin: %s\n",
		m.Caption, m.Credit, m.Creator, m.Copyright, m.Alt, m.SourceURL, m.FocalX, m.FocalY, m.Origin)
	fmt.Fprintf(w, "added: %s\nupdated: %s\n", m.CreatedAt.Local().Format(time.RFC3339), m.UpdatedAt.Local().Format(time.RFC3339))
	if len(m.Embedded) == 0 {
		fmt.Fprintln(w, "read from the file: nothing")
		return
	}
	fmt.Fprintln(w, "read from the file:")
	keys := make([]string, 0, len(m.Embedded))
	for k := range m.Embedded {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s: %s\n", k, m.Embedded[k])
	}
}

// mediaJSON is the command line's JSON form of a media record.
type mediaJSON struct {
	Ref         string            `json:"ref"`
	SHA256      string            `json:"sha256"`
	Format      string            `json:"format"`
	Width       int               `json:"width"`
	Height      int               `json:"height"`
	Bytes       int64             `json:"bytes"`
	Filename    string            `json:"filename"`
	Caption     string            `json:"caption"`
	Credit      string            `json:"credit"`
	Creator     string            `json:"creator"`
	Copyright   string            `json:"copyright"`
	Alt         string            `json:"alt"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	SourceURL   string            `json:"source_url"`
	FocalX      float64           `json:"focal_x"`
	FocalY      float64           `json:"focal_y"`
	Origin      string            `json:"origin"`
	Embedded    map[string]string `json:"embedded"`
	// Frames is a GIF's frame count (show only), Animated whether the
	// export keeps its animation.
	Frames    int       `json:"frames,omitempty"`
	Animated  bool      `json:"animated,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func toMediaJSON(m domain.Media) mediaJSON {
	e := m.Embedded
	if e == nil {
		e = map[string]string{}
	}
	return mediaJSON{Ref: m.Ref, SHA256: m.SHA256, Format: m.Format, Width: m.Width, Height: m.Height, Bytes: m.Bytes,
		Filename: m.Filename, Caption: m.Caption, Credit: m.Credit, Creator: m.Creator, Copyright: m.Copyright, Alt: m.Alt,
		Title: m.Title, Description: m.Description,
		SourceURL: m.SourceURL, FocalX: m.FocalX, FocalY: m.FocalY, Origin: m.Origin, Embedded: e,
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
}

// byteSize writes n bytes as KB or MB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// gifFrames is what media show tells of a GIF's frames: e.g.
// "12 (animated)", "1 (a still)" or "300 (… over the 40-million-pixel
// bound for animations: published as a still)".
func gifFrames(g publish.GIFInfo) string {
	switch {
	case g.Frames == 1:
		return "1 (a still)"
	case g.Animates:
		return fmt.Sprintf("%d (animated)", g.Frames)
	}
	return fmt.Sprintf("%d (%d × %d×%d = %d frame pixels, over the %d-million-pixel bound for animations: published as a still)",
		g.Frames, g.Frames, g.Width, g.Height, g.FramePixels(), publish.AnimatedPixelBound()/1_000_000)
}
