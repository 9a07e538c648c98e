package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDBFlagUnreachableSocketNamesTheServer: a server whose socket is not
// there, the password given in the query or as a keyword: the error names
// the server and its socket folder, never the password.
func TestDBFlagUnreachableSocketNamesTheServer(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no-server")
	for _, target := range []string{
		"postgres://ann@/desk?host=" + dir + "&password=Tr0ub4dor",
		"host=" + dir + " dbname=desk user=ann password=Tr0ub4dor",
	} {
		code, _, errOut := run(t, "articles", "list", "--db", target)
		if code != 1 || !strings.Contains(errOut, "cannot reach the server") || !strings.Contains(errOut, "ann@") ||
			!strings.Contains(errOut, "desk") || !strings.Contains(errOut, "no-server") || strings.Contains(errOut, "Tr0ub4dor") {
			t.Errorf("%s: exit %d, error %q", target, code, errOut)
		}
	}
}
