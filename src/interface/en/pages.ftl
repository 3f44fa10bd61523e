# Folio's own pages, in English: the list of articles, "Save for offline",
# and what a reader sees when something cannot be shown. Variables: $site is an address
# (a URL), $name what was asked for, $number a count, $value a size such as "4 MiB",
# $reason why; Folio shows the addresses, and the details it gives in English, as they are.

# The list of articles.
catalog-title = Articles
catalog-page-title = Folio — articles
catalog-description = Articles available to read in Folio.
catalog-picture-unavailable = Picture unavailable

# An article's button.
save-offline = Save for offline

# When something cannot be shown.
failure-loading = Loading the article…
failure-retry = Retry
failure-see-all = See all articles
failure-not-found = Article not found
failure-not-found-detail = We could not find { $name }. It may have been moved or removed.
failure-server = The server had a problem
failure-server-detail = The server answered with error { $number } for { $site }. Try again in a moment.
failure-offline = You seem to be offline
failure-offline-detail = Folio could not reach { $site }. Check your connection, then try again.
# $name is the link to the Saved page, "Saved articles".
failure-offline-saved = Articles you saved open without a network: { $name }
failure-timeout = This is taking too long
failure-timeout-detail = No answer from { $site } after { $number ->
    [one] { $number } second
   *[other] { $number } seconds
}. The connection may be slow; try again.
failure-invalid = This article cannot be shown
failure-invalid-detail = There are problems in { $name }. The publisher needs to fix:
failure-unsupported = This article needs a newer Folio
failure-refused = This article was not loaded
failure-refused-detail = Folio did not load { $site } because { $reason }.
failure-too-large = This file is too large
failure-too-large-detail = Folio stopped downloading { $site }: it is larger than the { $value } Folio reads for this file, so a reader’s phone is not filled with it. The publisher needs to make it smaller.
failure-aborted = Loading stopped
failure-aborted-detail = Loading was stopped.
failure-mib = { $number } MiB
failure-kib = { $number } KiB
failure-bytes = { $number ->
    [one] { $number } byte
   *[other] { $number } bytes
}
