package editor

import (
	"strings"

	"newsroom/domain"
)

// diffOp is one line of a line difference.
type diffOp struct {
	kind byte // ' ' same, '-' removed, '+' added
	line string
}

// maxDiffCells bounds the LCS table (rows × columns after the common
// start and end are cut off); beyond it the differing middle is shown as
// removed then added.
const maxDiffCells = 4_000_000

// lineDiff returns the line difference from a to b by longest common
// subsequence, after cutting off the lines both start and end with.
func lineDiff(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	out := make([]diffOp, 0, len(a)+len(b)-pre-suf)
	for _, l := range a[:pre] {
		out = append(out, diffOp{' ', l})
	}
	out = append(out, lcsDiff(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		out = append(out, diffOp{' ', l})
	}
	return out
}

// lcsDiff diffs the differing middle with a dynamic-programming table.
func lcsDiff(a, b []string) []diffOp {
	var out []diffOp
	if len(a)*len(b) > maxDiffCells || len(a) == 0 || len(b) == 0 {
		for _, l := range a {
			out = append(out, diffOp{'-', l})
		}
		for _, l := range b {
			out = append(out, diffOp{'+', l})
		}
		return out
	}
	w := len(b) + 1
	// t[i*w+j] is the LCS length of a[i:] and b[j:].
	t := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				t[i*w+j] = t[(i+1)*w+j]
			default:
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, diffOp{' ', a[i]})
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			out = append(out, diffOp{'-', a[i]})
			i++
		default:
			out = append(out, diffOp{'+', b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, diffOp{'-', a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, diffOp{'+', b[j]})
	}
	return out
}

// diffContext is how many unchanged lines are shown around a change.
const diffContext = 1

// formatDiff writes ops with removed lines prefixed "− ", added "+ " and
// unchanged ones "  "; runs of unchanged lines far from any change are
// folded into "⋯". It returns "No differences." when nothing changed.
func formatDiff(ops []diffOp) string {
	near := make([]bool, len(ops))
	changed := false
	for i, op := range ops {
		if op.kind == ' ' {
			continue
		}
		changed = true
		for k := max(0, i-diffContext); k <= min(len(ops)-1, i+diffContext); k++ {
			near[k] = true
		}
	}
	if !changed {
		return "No differences."
	}
	var b strings.Builder
	folded := false
	for i, op := range ops {
		switch {
		case op.kind == '-':
			b.WriteString("− " + op.line + "\n")
		case op.kind == '+':
			b.WriteString("+ " + op.line + "\n")
		case near[i]:
			b.WriteString("  " + op.line + "\n")
			folded = false
			continue
		default:
			if !folded {
				b.WriteString("⋯\n")
			}
			folded = true
			continue
		}
		folded = false
	}
	return strings.TrimRight(b.String(), "\n")
}

// diffLines is a text as the history compares it: headline, standfirst,
// the body's non-blank lines and one line per quote record.
func diffLines(headline, standfirst, body string, quotes []domain.Quote) []string {
	lines := []string{"# " + oneLine(headline)}
	if sf := oneLine(standfirst); sf != "" {
		lines = append(lines, sf)
	}
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	for _, q := range quotes {
		line := "Quote " + q.Ref + ": “" + oneLine(q.Text) + "” — " + oneLine(q.Speaker)
		if r := oneLine(q.Role); r != "" {
			line += ", " + r
		}
		lines = append(lines, line)
	}
	return lines
}
