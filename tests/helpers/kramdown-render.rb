# The oracle: render pages as the review site does (Jekyll's kramdown defaults, the GFM parser).
# Reads a JSON array of page bodies (front matter already removed, as Jekyll does) on stdin and
# writes a JSON array of HTML strings, so one Ruby process renders a whole test file's corpus.
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'

# Jekyll's documented defaults (https://jekyllrb.com/docs/configuration/default/ and
# https://jekyllrb.com/docs/configuration/markdown/): input GFM, hard_wrap false, auto_ids,
# footnote_nr 1, entity_output as_char, toc_levels 1..6, smart_quotes; parse_block_html stays
# off (kramdown's default), so only markdown="1" asks for Markdown inside HTML.
OPTIONS = {
  input: 'GFM',
  hard_wrap: false,
  auto_ids: true,
  footnote_nr: 1,
  entity_output: :as_char,
  toc_levels: (1..6).to_a,
  smart_quotes: %w[lsquo rsquo ldquo rdquo],
  parse_block_html: false,
  syntax_highlighter: nil,
}.freeze

pages = JSON.parse($stdin.read)
out = pages.map { |src| Kramdown::Document.new(src, OPTIONS).to_html }
$stdout.write(JSON.generate(out))
