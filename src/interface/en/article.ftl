# Folio's own words inside an article, in English: the source every other language follows.
# Each message id must be in every language's file; `cargo build` checks it.

published = Published
updated = Updated
reading-time = { $minutes } min read
older-than = This article is more than { $years ->
    [one] { $years } year
   *[other] { $years } years
} old.
safety-pointer = Read the safety notice for readers of this article
notice-legal = Legal notice
notice-safety = Safety notice
notice-correction = Correction
notice-editors-note = Editor’s note
related = Related
topics = Topics
source = Source:
footnotes = Footnotes
footnote = Footnote { $number }
back-to-reference = Back to reference { $number }
unrendered-html = Unrendered HTML
done = Done
not-done = Not done
table = Table
opens-in-new-tab = (opens in a new tab)
image = Image:
credit = Credit:
image-unavailable = Image unavailable

# The page around an article.
skip-to-content = Skip to content
saved-articles = Saved articles
site-footer = Folio shows article bundles. Each article credits its own source.
read-on = Read the full article on { $site }
reading-tools = Reading tools
