package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a staff member may do (see Policy).
type Role string

// The four roles, from least to most rights.
const (
	RoleContributor Role = "contributor"
	RoleReporter    Role = "reporter"
	RoleEditor      Role = "editor"
	RoleAdmin       Role = "admin"
)

// Roles lists the roles from least to most rights.
var Roles = []Role{RoleContributor, RoleReporter, RoleEditor, RoleAdmin}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// ParseRole reads a role name (any case, surrounding space ignored).
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if !r.Valid() {
		return "", Invalidf("role %q is not contributor, reporter, editor or admin", s)
	}
	return r, nil
}

// Staff is a member of the newsroom: who signs in, who is on bylines.
type Staff struct {
	// Login is the unique short name the person signs in with.
	Login string
	// Name is the display name, as on bylines and in the history.
	Name    string
	Role    Role
	Created time.Time
	// Removed is when the person left; zero while they are on the staff.
	// A removed member keeps their name in history and bylines but can
	// no longer sign in.
	Removed time.Time
}

// Active reports whether the member may still sign in.
func (s Staff) Active() bool { return s.Removed.IsZero() }

// Limits on staff fields.
const (
	MaxLoginLen     = 64
	MaxStaffNameLen = 200
)

// Validate checks the fields a store must never hold.
func (s Staff) Validate() error {
	if err := ValidateLogin(s.Login); err != nil {
		return err
	}
	name := strings.TrimSpace(s.Name)
	if name == "" {
		return Invalidf("a staff member needs a name")
	}
	if utf8.RuneCountInString(name) > MaxStaffNameLen {
		return Invalidf("the name is longer than %d characters", MaxStaffNameLen)
	}
	if strings.ContainsAny(name, "\n\r\t,&") {
		return Invalidf("the name %q holds a line break, a comma or an ampersand (they separate names on a byline)", name)
	}
	if !s.Role.Valid() {
		return Invalidf("role %q is not contributor, reporter, editor or admin", s.Role)
	}
	return nil
}

// ValidateLogin checks a login: lower-case letters, digits, '.', '-' and
// '_', starting with a letter or digit.
func ValidateLogin(login string) error {
	if login == "" {
		return Invalidf("a staff member needs a login")
	}
	if len(login) > MaxLoginLen {
		return Invalidf("the login %q is longer than %d characters", login, MaxLoginLen)
	}
	for i, r := range login {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || i > 0 && (r == '.' || r == '-' || r == '_')
		if !ok {
			return Invalidf("the login %q may hold only lower-case letters, digits, '.', '-' and '_' (starting with a letter or digit)", login)
		}
	}
	return nil
}

// LoginFor proposes a login for a display name: "Maria López" → "maria-lopez".
func LoginFor(name string) string {
	var b strings.Builder
	for _, r := range SlugifyWithin(name, MaxLoginLen) {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case strings.ContainsRune(loginFolds, r):
			for i, fold := range strings.Split(loginFolds, " ") {
				if strings.ContainsRune(fold, r) {
					b.WriteString(loginFoldTo[i])
				}
			}
		}
	}
	login := strings.Trim(b.String(), "-")
	if ValidateLogin(login) != nil {
		return "staff"
	}
	return login
}

// loginFolds groups accented letters by the ASCII letters of loginFoldTo.
const loginFolds = "áàâäãåā éèêëē íìîïī óòôöõøō úùûüū ñń çć ß ýÿ šś žź ł"

var loginFoldTo = []string{"a", "e", "i", "o", "u", "n", "c", "ss", "y", "s", "z", "l"}

// SplitByline splits a byline into its names: "A, B and C", "A & B" and
// "A and B" all give each name once, trimmed; "By " in front is dropped.
func SplitByline(byline string) []string {
	s := strings.TrimSpace(byline)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = s[3:]
	}
	s = strings.NewReplacer(" & ", ",", " and ", ",", " AND ", ",", " And ", ",").Replace(s)
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		name := strings.Join(strings.Fields(part), " ")
		key := strings.ToLower(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, name)
	}
	return out
}

// JoinByline writes names as one byline: "A", "A and B", "A, B and C".
func JoinByline(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
