// Contrast of rendered text, from computed colours: every element inside arguments[0]
// (a CSS selector) that has its own visible text, against the background it is drawn on.
// Returns { checked, failures: ["ratio  text  (colour on background)"] } for ratios below
// arguments[1].
const [scope, minimum] = arguments;
const parse = (c) => {
  const m = /rgba?\(([^)]+)\)/.exec(c || '');
  if (!m) return null;
  const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
const backdrop = (el) => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let base = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
  return base;
};
const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const visible = (el) => {
  if (!el.getClientRects().length) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
  const r = el.getBoundingClientRect();
  return r.width > 1 && r.height > 1;
};
const failures = [];
let checked = 0;
for (const root of document.querySelectorAll(scope)) {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el) || el.closest('.visually-hidden, .skip-link')) continue;
    const bg = backdrop(el);
    const fg = over(parse(getComputedStyle(el).color) || [0, 0, 0, 1], bg);
    const r = ratio(fg, bg);
    checked++;
    if (r < minimum) failures.push(r.toFixed(2) + '  ' + el.textContent.trim().slice(0, 40) + '  (' + getComputedStyle(el).color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + '))');
  }
}
// The focus ring of the focused element, against what it is drawn on.
const focused = document.activeElement;
let focus = null;
if (focused && focused !== document.body && focused.matches(':focus-visible')) {
  const s = getComputedStyle(focused);
  const ring = parse(s.outlineColor);
  if (s.outlineStyle !== 'none' && ring) {
    const bg = backdrop(focused.parentElement || focused);
    focus = ratio(over(ring, bg), bg);
  }
}
return { checked, failures, focus };
