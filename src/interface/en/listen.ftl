# Folio's words for reading an article aloud, in English.

listen-region = Read aloud
listen-to-article = Listen to this article
listen-playback = Playback
listen-play = Play
listen-pause = Pause
listen-resume = Resume
# The shown words of Previous and Next, and the whole names a screen reader says; the shown
# words must appear in the whole names, which add what is hidden.
listen-previous = Previous
listen-previous-paragraph = Previous paragraph
listen-next = Next
listen-next-paragraph = Next paragraph
listen-stop = Stop
listen-speed = Speed
listen-speed-normal = { $speed } (normal)
listen-voice = Voice

# The status line.
listen-stopped = Stopped.
listen-finished = Finished reading the article.
listen-nothing-to-read = This article has no text to read.
listen-browser-stopped = Reading stopped: the browser reported “{ $code }”.
listen-failed = Reading aloud failed: { $why }.
listen-reading = Reading paragraph { $number } of { $count }
listen-paused = Paused at paragraph { $number } of { $count }
listen-unsupported = This browser cannot read aloud.
listen-looking = Looking for a voice…
# $language is the language's name in the interface's language, $tag its code, such as ru.
listen-no-voice = This browser has no voice for { $language } ({ $tag }), so it cannot read this article aloud.
listen-no-voice-unnamed = This browser has no voice for the language “{ $tag }”, so it cannot read this article aloud.
