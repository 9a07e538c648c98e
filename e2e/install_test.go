package e2e

import (
	"context"
	"crypto/sha256"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsroom/internal/buildinfo"
	"newsroom/storage"
)

// hicolorSizes are the icon sizes make install must put in place.
var hicolorSizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

// repoRoot is the source tree the tests run make in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// runMake runs make in dir with args and returns its output, failing the
// test when make fails. The parent make's flags (make test) are dropped,
// so only args decide PREFIX and DESTDIR.
func runMake(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := makeCmd(dir, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("make %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// makeCmd is make in dir, without the parent make's variables.
func makeCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("make", append([]string{"--no-print-directory", "-C", dir}, args...)...)
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PREFIX", "DESTDIR":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	return cmd
}

// snapshot lists every file and folder below root with its mode and, for
// files, a digest of the contents.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			tree[rel] = "dir " + info.Mode().String()
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		tree[rel] = fmt.Sprintf("file %s %x", info.Mode(), sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// diffTrees says what differs between two snapshots.
func diffTrees(before, after map[string]string) string {
	var b strings.Builder
	for p, v := range after {
		if before[p] == "" {
			fmt.Fprintf(&b, "left behind: %s (%s)\n", p, v)
		} else if before[p] != v {
			fmt.Fprintf(&b, "changed: %s (%s, was %s)\n", p, v, before[p])
		}
	}
	for p := range before {
		if after[p] == "" {
			fmt.Fprintf(&b, "removed although it was there before: %s\n", p)
		}
	}
	return b.String()
}

// checkInstalled checks the tree make install wrote below root (DESTDIR
// + PREFIX) and returns the installed binary.
func checkInstalled(t *testing.T, root, prefix string) string {
	t.Helper()
	bin := filepath.Join(root, "bin", "newsroom")
	if info, err := os.Stat(bin); err != nil || info.Mode().Perm() != 0o755 {
		t.Fatalf("installed binary: %v %v", info, err)
	}
	for _, size := range hicolorSizes {
		path := filepath.Join(root, "share", "icons", "hicolor", fmt.Sprintf("%dx%d", size, size), "apps", "newsroom.png")
		f, err := os.Open(path)
		if err != nil {
			t.Fatalf("icon: %v", err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%s: %dx%d PNG (%v), want %dx%d", path, cfg.Width, cfg.Height, err, size, size)
		}
	}
	desktop := filepath.Join(root, "share", "applications", "newsroom.desktop")
	validateDesktop(t, desktop)
	entry, err := os.ReadFile(desktop)
	if err != nil {
		t.Fatal(err)
	}
	execBin := prefix + "/bin/newsroom"
	if strings.ContainsAny(execBin, " ") {
		execBin = `"` + execBin + `"`
	}
	for _, line := range []string{
		"Name=Newsroom", "Icon=newsroom", "Exec=" + execBin + " %f", "TryExec=" + prefix + "/bin/newsroom",
		"Categories=Office;Publishing;News;", "MimeType=text/markdown;application/xml;", "Terminal=false",
	} {
		if !strings.Contains(string(entry), "\n"+line+"\n") {
			t.Errorf("%s lacks the line %q:\n%s", desktop, line, entry)
		}
	}
	return bin
}

// validateDesktop runs desktop-file-validate: it must pass with no error
// or warning. (Its one hint, that News could be joined by Network, is
// left: Network would be a second main category and list Newsroom twice
// in the menu.)
func validateDesktop(t *testing.T, path string) {
	t.Helper()
	if _, err := exec.LookPath("desktop-file-validate"); err != nil {
		t.Fatalf("desktop-file-validate is not installed (make test installs desktop-file-utils): %v", err)
	}
	out, err := exec.Command("desktop-file-validate", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "error:") || strings.Contains(string(out), "warning:") {
		t.Errorf("desktop-file-validate %s: %v\n%s", path, err, out)
	}
}

// releaseVersion is FyneApp.toml's Details.Version.
func releaseVersion(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	version, err := buildinfo.Version(data)
	if err != nil {
		t.Fatal(err)
	}
	return version
}

// wantVersion is what --version must print: FyneApp.toml's version and
// the commit of the tree built.
func wantVersion(t *testing.T) string {
	t.Helper()
	version := releaseVersion(t)
	commit := "unknown"
	if out, err := exec.Command("git", "-C", repoRoot(t), "rev-parse", "--short", "HEAD").Output(); err == nil {
		commit = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("newsroom %s (commit %s)\n", version, commit)
}

// TestInstallOpenWithAndUninstall installs with make into a DESTDIR that
// already holds other programs, checks the desktop entry and icons, runs
// the installed binary (--version; the window opened on a Markdown file
// as the desktop's "Open with" does, the offered import confirmed), and
// uninstalls: the tree is as it was before, byte for byte.
func TestInstallOpenWithAndUninstall(t *testing.T) {
	root := repoRoot(t)
	destdir := t.TempDir()
	for _, pre := range []string{"usr/local/bin/other-program", "usr/local/share/applications/other.desktop"} {
		os.MkdirAll(filepath.Join(destdir, filepath.Dir(pre)), 0o755)
		if err := os.WriteFile(filepath.Join(destdir, pre), []byte("not ours\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, destdir)

	runMake(t, root, "install", "DESTDIR="+destdir, "PREFIX=/usr/local")
	// Installing again (an upgrade) must not forget which folders the
	// first install created.
	runMake(t, root, "install", "DESTDIR="+destdir, "PREFIX=/usr/local")
	bin := checkInstalled(t, filepath.Join(destdir, "usr", "local"), "/usr/local")
	manifest, err := os.ReadFile(filepath.Join(destdir, "usr/local/share/newsroom/install-manifest"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(manifest), destdir) || strings.Contains(string(manifest), "other") {
		t.Errorf("the manifest names DESTDIR or files that were there before:\n%s", manifest)
	}

	out, err := exec.Command(bin, "--version").CombinedOutput()
	if want := wantVersion(t); err != nil || string(out) != want {
		t.Errorf("installed newsroom --version: %q (%v), want %q", out, err, want)
	}

	// Open with: the installed binary given a Markdown file, as the
	// desktop entry's Exec runs it, on the default database.
	md := filepath.Join(t.TempDir(), "council.md")
	os.WriteFile(md, []byte("---\ntitle: Council meets on Tuesday\nslug: council-meets\n---\nThe council met.\n"), 0o644)
	t.Setenv("NEWSROOM_BIN", bin)
	d := startXvfb(t)
	home := newHome(t)
	a := startApp(t, d, home, md)
	var text string
	if !poll(30*time.Second, func() bool {
		text = a.ocr(a.screenshot("install-offer"))
		return strings.Contains(text, "Open with Newsroom") && strings.Contains(text, "/council.md")
	}) {
		t.Fatalf("the window does not offer council.md for import; OCR read:\n%s", text)
	}
	x, y, ok := a.findButtonLabel("Import", 10*time.Second)
	if !ok {
		t.Fatal("no Import button on screen")
	}
	a.xdotool("mousemove", itoa(x), itoa(y))
	a.xdotool("click", "1")
	db := filepath.Join(home, "data", "newsroom", "newsroom.db")
	waitFor(t, 30*time.Second, "the offered file imported into the default database", func() bool {
		store, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer store.Close()
		art, err := store.GetArticleBySlug(context.Background(), "council-meets")
		return err == nil && art.Headline == "Council meets on Tuesday"
	})
	a.screenshot("install-imported")
	a.quit()

	runMake(t, root, "uninstall", "DESTDIR="+destdir, "PREFIX=/usr/local")
	if diff := diffTrees(before, snapshot(t, destdir)); diff != "" {
		t.Errorf("uninstall did not restore the tree:\n%s", diff)
	}
	// Nothing installed: uninstall says so and fails.
	out, err = makeCmd(root, "uninstall", "DESTDIR="+destdir, "PREFIX=/usr/local").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "nothing to uninstall") {
		t.Errorf("uninstall of nothing: %v\n%s", err, out)
	}
}

// TestPackageInstallsLikeMakeInstall builds the release tarball, installs
// from it with its own Makefile into one DESTDIR and with make install
// into another: the same files. Then, without root, it installs the
// tarball into a PREFIX in a home folder whose path holds a space, runs
// the binary, and uninstalls leaving nothing.
func TestPackageInstallsLikeMakeInstall(t *testing.T) {
	root := repoRoot(t)
	runMake(t, root, "package")
	name := fmt.Sprintf("newsroom-%s-linux-%s", releaseVersion(t), runtime.GOARCH)
	tarball := filepath.Join(root, "bin", name+".tar.xz")
	// Readable by the unprivileged user below: not under t.TempDir (0700).
	work, err := os.MkdirTemp("", "newsroom-package-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(work) })
	os.Chmod(work, 0o755)
	if out, err := exec.Command("tar", "-C", work, "-xJf", tarball).CombinedOutput(); err != nil {
		t.Fatalf("extract %s: %v\n%s", tarball, err, out)
	}
	release := filepath.Join(work, name)
	for _, f := range []string{"Makefile", "install.sh", "usr/local/bin/newsroom"} {
		if _, err := os.Stat(filepath.Join(release, f)); err != nil {
			t.Fatalf("the tarball lacks %s: %v", f, err)
		}
	}

	fromTarball, fromSource := t.TempDir(), t.TempDir()
	runMake(t, release, "install", "DESTDIR="+fromTarball)
	runMake(t, root, "install", "DESTDIR="+fromSource)
	if diff := diffTrees(snapshot(t, fromSource), snapshot(t, fromTarball)); diff != "" {
		t.Errorf("the tarball installs other files than make install:\n%s", diff)
	}
	runMake(t, release, "uninstall", "DESTDIR="+fromTarball)
	runMake(t, root, "uninstall", "DESTDIR="+fromSource)
	for _, dir := range []string{fromTarball, fromSource} {
		if left := snapshot(t, dir); len(left) != 1 {
			t.Errorf("uninstall left %v", left)
		}
	}

	// A user's own install: no root, PREFIX in the home folder.
	home := filepath.Join(work, "home of user")
	os.Mkdir(home, 0o777)
	os.Chmod(home, 0o777)
	prefix := filepath.Join(home, ".local")
	asUser := func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(name, args...)
		if os.Getuid() == 0 {
			cmd = exec.Command("setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", name}, args...)...)
		}
		cmd.Env = append(makeCmd(release).Env, "HOME="+home)
		return cmd
	}
	// The user's desktop already keeps a MIME cache of its applications:
	// install and uninstall refresh it (and create no cache that was not
	// there).
	mimeCache := filepath.Join(prefix, "share", "applications", "mimeinfo.cache")
	if out, err := asUser("sh", "-c", `mkdir -p "$(dirname "$1")" && printf '[MIME Cache]\n' >"$1"`, "sh", mimeCache).CombinedOutput(); err != nil {
		t.Fatalf("prepare the MIME cache: %v\n%s", err, out)
	}
	before := snapshot(t, home)
	if out, err := asUser("make", "--no-print-directory", "-C", release, "install", "PREFIX="+prefix).CombinedOutput(); err != nil {
		t.Fatalf("make install PREFIX=%s without root: %v\n%s", prefix, err, out)
	}
	bin := checkInstalled(t, prefix, prefix)
	if cache, err := os.ReadFile(mimeCache); err != nil || !strings.Contains(string(cache), "text/markdown=newsroom.desktop;") {
		t.Errorf("the MIME cache does not list Newsroom for Markdown after install (%v):\n%s", err, cache)
	}
	out, err := asUser(bin, "--version").CombinedOutput()
	if want := wantVersion(t); err != nil || string(out) != want {
		t.Errorf("%s --version: %q (%v), want %q", bin, out, err, want)
	}
	if out, err := asUser("make", "--no-print-directory", "-C", release, "uninstall", "PREFIX="+prefix).CombinedOutput(); err != nil {
		t.Fatalf("make uninstall PREFIX=%s: %v\n%s", prefix, err, out)
	}
	if diff := diffTrees(before, snapshot(t, home)); diff != "" {
		t.Errorf("uninstall from the home folder left:\n%s", diff)
	}
}

// findButtonLabel finds a button's label on screen and returns its
// middle. White on the accent colour (a dialog's default button) reads
// only in black and white, so the screenshot is thresholded first.
func (a *app) findButtonLabel(label string, timeout time.Duration) (x, y int, ok bool) {
	a.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		shot := a.screenshot("button")
		bw := strings.TrimSuffix(shot, ".png") + "-bw.png"
		if out, err := exec.Command("convert", shot, "-colorspace", "Gray", "-threshold", "60%", "-negate", "-resize", "200%", bw).CombinedOutput(); err != nil {
			a.t.Fatalf("prepare screenshot for OCR: %v %s", err, out)
		}
		out, err := exec.Command("tesseract", bw, "-", "--psm", "11", "tsv").Output()
		if err != nil {
			a.t.Fatalf("tesseract: %v", err)
		}
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.Split(line, "\t")
			if len(f) >= 12 && f[0] == "5" && strings.TrimSpace(f[11]) == label {
				n := func(i int) int { v, _ := strconv.Atoi(f[i]); return v / 2 }
				return n(6) + n(8)/2, n(7) + n(9)/2, true
			}
		}
		if time.Now().After(deadline) {
			return 0, 0, false
		}
		time.Sleep(300 * time.Millisecond)
	}
}
