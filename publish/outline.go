package publish

import "github.com/yuin/goldmark/ast"

// bodyTopLevel is the level of the body's top headings: the page's <h1>
// is the headline.
const bodyTopLevel = 2

// placeHeadings puts the body's headings under the page's <h1> without
// skipping a level: the shallowest heading becomes an <h2> (a body that
// starts at ### or uses # is shifted), and a heading never goes more than
// one level below the one before it. Relative depth is kept otherwise.
func placeHeadings(doc ast.Node) {
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(headings) == 0 {
		return
	}
	shallowest := headings[0].Level
	for _, h := range headings {
		shallowest = min(shallowest, h.Level)
	}
	shift := bodyTopLevel - shallowest
	prev := bodyTopLevel - 1
	for _, h := range headings {
		level := min(h.Level+shift, prev+1, 6)
		h.Level = max(level, bodyTopLevel)
		prev = h.Level
	}
}
