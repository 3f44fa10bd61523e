/* An embed's side of the partner page (docs/adr/010-embeds.md): it tells the page that
 * frames it its content's height whenever that changes (fonts or pictures loaded, text size
 * or width changed), in pym.js's child protocol, so a page running pym.js's parent script
 * sizes the frame with no code of its own. Messages carry a height and nothing else, and go
 * only to the framing page's origin. */

const DELIMITER = "xPYMx";
const params = new URLSearchParams(location.search);
const id = params.get("childId");
const framed = window.parent !== window;

/** The framing page's origin: the browser's own word where it gives one, else the
 * `parentUrl` pym.js passes. A message sent there reaches the parent only if that really
 * is its origin. */
function parentOrigin() {
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== "null") return ancestors[0];
  try {
    return new URL(params.get("parentUrl") || "").origin;
  } catch (none) {
    return null;
  }
}

const origin = framed && id ? parentOrigin() : null;

function send(type, message) {
  window.parent.postMessage(["pym", id, type, message].join(DELIMITER), origin);
}

/** The content's height: the body's, margins included. (The app replaces what the page's
 * root holds when it takes the page over, so the body is what is watched.) */
function contentHeight() {
  const style = getComputedStyle(document.body);
  const margins = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  return Math.ceil(document.body.getBoundingClientRect().height + margins);
}

let sent = -1;
function sendHeight(always) {
  const height = contentHeight();
  if (height === sent && !always) return;
  sent = height;
  send("height", String(height));
}

if (origin && origin !== "null") {
  new ResizeObserver(() => sendHeight(false)).observe(document.body);
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.origin !== origin || typeof event.data !== "string") return;
    const parts = event.data.split(DELIMITER);
    // pym.js's parent tells its width; the answer is the height at that width.
    if (parts.length === 4 && parts[0] === "pym" && parts[1] === id && parts[2] === "width" && /^\d+$/.test(parts[3])) {
      sendHeight(true);
    }
  });
  sendHeight(true);
}
