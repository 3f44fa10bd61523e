// Folio's long-article bench, run in the bench page by tests/bench/run.mjs.
// Each renderer goes from the bundle's bytes in memory to a complete DOM in a fresh host element;
// the time is that of the call (the DOM is complete when it returns, or when its promise settles).
import { marked } from '/marked.esm.js';

const bundles = new Map();

async function bytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function freshHost() {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  return host;
}

const renderers = {
  // Folio's own path: read_bundle, then mount ArticleView.
  folio: (b, host) => window.wasmBindings.folio_render(host, b.manifest, b.body),
  // Folio's path as the app takes it, built in slices: the call returns with the first
  // screen in the page (the rest follows a slice per frame until the next run clears it).
  first: (b, host) => window.wasmBindings.folio_first_screen(host, b.manifest, b.body),
  // The same path to its end with no turn for the browser: the first screen, then every
  // slice, the static blocks written as HTML; settles when the body is complete (only
  // microtasks in between, so no style, layout or paint, as for the others).
  complete: (b, host) => window.wasmBindings.folio_complete(host, b.manifest, b.body),
  // The first half of Folio's path alone: read_bundle, no DOM.
  read: (b) => window.wasmBindings.folio_read(b.manifest, b.body),
  // (a) pulldown-cmark push_html + one innerHTML, inside the same wasm.
  floor: (b, host) => window.wasmBindings.floor_render(host, b.body),
  // (b) marked + one innerHTML; decoding the bytes is part of its path.
  marked: (b, host) => {
    host.innerHTML = marked.parse(new TextDecoder().decode(b.body));
    return host.querySelectorAll('*').length;
  },
};

window.folioBench = {
  async load(name) {
    const base = `/generated/${name}/`;
    bundles.set(name, { manifest: await bytes(base + 'bundle.json'), body: await bytes(base + 'body.md') });
    return bundles.get(name).body.length;
  },
  // One timed render; returns { ms, elements }. The previous render is removed first.
  async run(kind, name) {
    const b = bundles.get(name);
    window.wasmBindings.bench_clear();
    const host = freshHost();
    if (window.gc) window.gc();
    const start = performance.now();
    const elements = await renderers[kind](b, host);
    const ms = performance.now() - start;
    return { ms, elements };
  },
  clear() {
    window.wasmBindings.bench_clear();
    document.body.replaceChildren();
    bundles.clear();
  },
  wasmMemory: () => window.wasmBindings.wasm_memory_bytes(),
};
