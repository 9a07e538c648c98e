package buildinfo

import (
	"os"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, tc := range []struct {
		name, toml, want string
		wantErr          bool
	}{
		{"release", "[Details]\nName = \"Newsroom\"\nVersion = \"1.2.3\"\nBuild = 4\n", "1.2.3", false},
		{"no version", "[Details]\nName = \"Newsroom\"\n", "", true},
		{"not toml", "[Details\n", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Version([]byte(tc.toml))
			if got != tc.want || (err != nil) != tc.wantErr {
				t.Errorf("Version = %q, %v; want %q, error %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestRepositoryFyneApp reads the FyneApp.toml the binary embeds.
func TestRepositoryFyneApp(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if v, err := Version(data); err != nil || v == "" {
		t.Fatalf("FyneApp.toml: version %q, %v", v, err)
	}
}

func TestCommit(t *testing.T) {
	if got := Commit("abc1234"); got != "abc1234" {
		t.Errorf("injected commit: %q", got)
	}
	// A test binary carries no vcs.revision: the fallback shows.
	if got := Commit(""); got != "unknown" {
		t.Errorf("no commit: %q, want unknown", got)
	}
	if got := Describe([]byte("[Details]\nVersion = \"0.9.0\"\n"), "beef123"); got != "0.9.0 (commit beef123)" {
		t.Errorf("Describe = %q", got)
	}
}
