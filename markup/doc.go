// Package markup owns the body grammar: Markdown (CommonMark with GFM
// tables, strikethrough and autolinks, and footnotes) plus Newsroom's own
// constructs — quote placements {{quote REF}}, image placements
// {{image REF}}, credited excerpts
// > [!excerpt Source], callouts > [!NOTE] and embeds {{embed URL}}. It
// holds the one goldmark constructor and Parse, which turns an article
// into the syntax tree with its quotes and sources resolved and reports
// every placement, excerpt and quotation with its byte span in the body.
//
// Publishing renders the tree, the editor's preview walks it, and the
// attribution check (CheckAttribution here, its rules in domain) reads
// its marks, so all of them read a body the same way.
//
// The grammar (also in the README's "Body conventions"):
//
//   - A quote placement is a paragraph that is one line
//     "{{quote REF}}": the keyword in any case, white space allowed inside
//     the braces. REF is everything up to "}}", trimmed, and must equal a
//     quote record's reference exactly; a REF with spaces or no REF is kept
//     as typed and shows as a missing quote. Marker syntax anywhere else
//     (inside a sentence, a code span) is text.
//   - A credited excerpt is a blockquote whose first line is
//     "[!excerpt NAME]", keyword in any case, NAME trimmed and not empty.
//     Without a name the line stays text.
//   - A callout is a blockquote whose first line is "[!NOTE]", "[!TIP]",
//     "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]" (any case), as on
//     GitHub.
//   - An embed is a paragraph that is one line "{{embed URL}}" with an
//     absolute http(s) URL; it renders as a link card, never a script or
//     frame.
//   - An image placement is a paragraph that is one line
//     "{{image REF}}" or "{{image REF "caption"}}" (straight or curly
//     double quotes): REF names a record of the media library
//     (domain.Media.Ref); the caption, when given, replaces the record's
//     caption at this place. Parse does not read the library: the code
//     that renders the tree resolves ImageFigure.Media, and CheckImages
//     reports references that name no record.
//   - Footnotes: "[^1]" references and "[^1]: text" definitions.
//
// Parse refuses bodies over domain.MaxBodyBytes and bodies whose markup
// would cost goldmark more than a bounded time or memory (see bounds.go).
package markup
