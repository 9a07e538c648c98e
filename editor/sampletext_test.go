package editor

import "newsroom/internal/sampletext"

// genBody is article-like text of about n bytes.
var genBody = sampletext.Body
