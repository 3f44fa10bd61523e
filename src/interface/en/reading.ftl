# Reading settings: the panel, its controls, and what it announces.

reading-settings = Reading settings
in-force = (on)
close = Close
reading-mode = Reading mode
reading-mode-on = Reading mode on
reading-mode-off = Reading mode off
switch-on = On
switch-off = Off
reading-mode-off-note = Off: the article is shown as published. The settings below are kept for when it is on; changing one turns it on.
presets = Presets
preset-chosen = Preset: { $name }
preset-comfort = Comfort
preset-large-text = Large text
preset-dyslexia-friendly = Dyslexia-friendly
preset-high-contrast = High contrast
group-text = Text
group-page = Page
group-layout = Layout
text-size = Text size
line-height = Line height
letter-spacing = Letter spacing
word-spacing = Word spacing
paragraph-spacing = Paragraph spacing
line-width = Line width
value-percent = { $value }%
value-normal = normal
value-characters = { $value ->
    [one] { $value } character
   *[other] { $value } characters
}
font = Font
font-serif = System serif
font-sans = System sans-serif
alignment = Alignment
alignment-start = Ragged edge
alignment-justified = Justified, with hyphenation
theme = Theme
theme-system = Match the system
theme-light = Light
theme-sepia = Sepia
theme-dark = Dark
theme-high-contrast = High contrast
reduce-motion = Reduce motion (always on when the system asks)
hide-images = Hide images
simplified-layout = Simplified layout (one column)
setting-on = { $setting }: on
setting-off = { $setting }: off
reset = Reset to defaults
reset-done = Reading settings reset to the defaults
not-kept = These settings apply now but will not be kept for your next visit: { $reason }.
language = Language
language-automatic = Automatic
tool-missing = { $tool }: this tool could not be loaded. Check your connection, then press the button again.
