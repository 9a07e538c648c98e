package markup

// BodyOffset maps offset i of d.Source (where the tree's segments point)
// back to the offset in the article's body it came from, so a view of
// the tree can follow a caret in the body.
func (d *Doc) BodyOffset(i int) int { return origin(d.from, i) }
