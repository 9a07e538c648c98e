package intake

import (
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// siteHandler serves GET / and HEAD /: the exported site folder when one
// is given, else a short status page. The folder is opened as an os.Root,
// so no symbolic link inside it leads to a file outside.
func (s *Server) siteHandler() http.Handler {
	var files http.Handler
	if s.opt.Site != "" {
		root, err := os.OpenRoot(s.opt.Site)
		if err != nil {
			files = http.NotFoundHandler() // NewServer has logged it
		} else {
			files = http.FileServer(siteFS{http.FS(root.FS())})
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "only GET and HEAD are allowed here; comments go to POST /comments", http.StatusMethodNotAllowed)
			return
		}
		if files != nil {
			files.ServeHTTP(w, r)
			return
		}
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		writeHTML(w, http.StatusOK, statusPage, nil)
	})
}

// siteFS hides dot-files (such as .newsroom-manifest.json) and refuses
// folder listings: a folder is served only through its index.html.
type siteFS struct{ fs http.FileSystem }

// Open opens name unless a part of it starts with a dot, or it is a
// folder without index.html.
func (s siteFS) Open(name string) (http.File, error) {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, fs.ErrNotExist
		}
	}
	f, err := s.fs.Open(name)
	if err != nil {
		return nil, notFound(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if info.IsDir() {
		index, err := s.fs.Open(path.Join(name, "index.html"))
		if err != nil {
			f.Close()
			return nil, notFound(err)
		}
		index.Close()
	}
	return f, nil
}

// notFound turns every failure to open a file into "not found" but a
// permission error: a symbolic link leading out of the site folder, or a
// broken one, is simply not there.
func notFound(err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return err
	}
	return fs.ErrNotExist
}

var statusPage = template.Must(template.New("status").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Newsroom comments</title></head>
<body><h1>Newsroom comment intake</h1>
<p>This server takes readers' comments from the published pages at <code>POST /comments</code>. It is running.</p>
</body></html>
`))
