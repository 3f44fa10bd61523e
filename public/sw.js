/* Folio's service worker (docs/adr/009-offline-and-install.md).
 *
 * - The app shell (this build's page, script, module, settings, manifest and icons) is
 *   stored when the worker installs, in a cache named after the build's version.
 * - A new version waits until the reader accepts "Update available" (the page sends
 *   "skip-waiting") or every Folio tab has closed; then old shell caches are deleted.
 * - Articles are stored only when the reader saves one: each save fills a cache of its
 *   own and counts only once the index of saved articles names it, so a save is whole
 *   or absent, whatever happens in between.
 * - Pages, the catalog and bundles come from the network first; when it fails, from the
 *   stored copy, marked with the time it was stored.
 *
 * `cargo xtask build` writes the shell in place of the mark below (xtask/src/offline.rs).
 */
/* FOLIO_SHELL */

/** The layout of the caches and the index; older layouts are migrated (`readIndex`). */
const SCHEMA = 2;
const ROOT = new URL("./", self.location.href).href;
const SHELL_CACHE = "folio-shell-v" + SCHEMA + "-" + SHELL_VERSION;
const SHELL_PREFIX = "folio-shell-";
const ARTICLE_PREFIX = "folio-article-";
const INDEX_CACHE = "folio-saved";
const INDEX_URL = ROOT + "__folio/offline/index.json";
const API = ROOT + "__folio/offline/";
const SAVED_AT = "X-Folio-Saved-At";
const SHELL_URLS = new Set(SHELL_FILES.map((file) => ROOT + file));
const MODULE_SCRIPT = SHELL_FILES.find((file) => /^folio-[0-9a-f]+\.js$/.test(file));

/** Saves in progress, by cache name: theirs is the only unindexed cache not to remove. */
const filling = new Set();
/** Changes to the index, one after another. */
let queue = Promise.resolve();
function inTurn(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

self.addEventListener("install", (event) => {
  // A failed install leaves no partial shell; the version before carries on.
  event.waitUntil(storeShell().catch(async (error) => {
    await caches.delete(SHELL_CACHE);
    throw error;
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await inTurn(async () => removeOrphans(await readIndex()));
      await self.clients.claim();
      await refreshSavedPages();
    })(),
  );
});

/** After an update, each saved article's page is fetched again when the network allows, so
 * that offline it starts this version's module; the old page is kept when it cannot be. */
async function refreshSavedPages() {
  const index = await readIndex();
  for (const entry of index.articles) {
    try {
      const url = new URL(entry.page, ROOT).href;
      const response = await fetch(new Request(url, { cache: "no-cache" }));
      if (!response.ok || (MODULE_SCRIPT && !(await response.clone().text()).includes(MODULE_SCRIPT))) continue;
      await (await caches.open(entry.cache)).put(url, (await stamped(response, entry.savedAt)).copy);
    } catch (offline) {
      // Offline, or no room: the page saved before stays.
    }
  }
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.url.startsWith(API)) {
    const answer = api(request, url);
    event.waitUntil(answer.catch(() => {}));
    event.respondWith(answer);
    return;
  }
  if (request.method !== "GET") return;
  const bare = url.origin + url.pathname;
  if (request.mode === "navigate") {
    event.respondWith(page(request, bare));
  } else if (SHELL_URLS.has(bare) && !/\.(html|json)$/.test(bare)) {
    event.respondWith(fromShell(request, bare));
  } else {
    event.respondWith(networkFirst(request));
  }
});

/** `response` with the time it was stored in a header of its own (and a module's MIME
 * type made sure of, for streaming compilation), and its size. */
async function stamped(response, savedAt) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(savedAt));
  if (new URL(response.url).pathname.endsWith(".wasm")) headers.set("Content-Type", "application/wasm");
  const body = await response.blob();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  return { copy, size: body.size };
}

async function storeShell() {
  const cache = await caches.open(SHELL_CACHE);
  const now = Date.now();
  for (const file of SHELL_FILES) {
    // A hashed file never changes, so the copy the page just loaded will do; any other
    // file is checked with the server, so the shell is this build's.
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/.test(file);
    const response = await fetch(new Request(ROOT + file, { cache: hashed ? "default" : "no-cache" }));
    if (!response.ok) throw new Error(file + ": HTTP " + response.status);
    await cache.put(ROOT + file, (await stamped(response, now)).copy);
  }
}

/** A shell file (the module, its script, an icon) from this version's cache. */
async function fromShell(request, bare) {
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(bare)) || fetch(request);
}

/** How long a request waits for the network before a stored copy stands in: where the
 * publisher is blocked, a request may hang rather than fail. */
const NETWORK_WAIT = 6000;
const LATE = Symbol("late");

/** The network's answer to `request`; `undefined` when it fails, or when it has not come
 * within NETWORK_WAIT ms and `hasCopy()` finds a stored copy to stand in. */
async function tryNetwork(request, hasCopy) {
  const network = fetch(request).catch(() => undefined);
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(LATE), NETWORK_WAIT);
  });
  const first = await Promise.race([network, late]);
  clearTimeout(timer);
  if (first !== LATE) return first;
  return (await hasCopy()) ? undefined : network;
}

/** A page: from the network when it belongs to this version of the app (or when nothing is
 * stored for it); else the stored page, marked as a copy; else, offline, the Saved page. */
async function page(request, bare) {
  const file = bare.endsWith("/") ? bare + "index.html" : bare;
  // Looked up beside the request, never before it: the network is not kept waiting.
  const lookup = SHELL_URLS.has(file)
    ? caches.open(SHELL_CACHE).then((cache) => cache.match(file))
    : savedCopy(bare);
  const response = await tryNetwork(request, async () => !!(await lookup));
  const stored = await lookup;
  if (response && (!stored || response.ok)) {
    if (!stored || !MODULE_SCRIPT || (await response.clone().text()).includes(MODULE_SCRIPT)) return response;
    // A newer version of the app is deployed: this page keeps the version it runs until
    // the reader accepts the update, so it never mixes two.
    return stored;
  }
  // The Saved page's list is the device's own, never a stored copy: it is not marked.
  if (stored) return file === ROOT + "saved/index.html" ? stored : markCopy(stored);
  const saved = new URL(ROOT);
  saved.pathname += "saved/";
  saved.searchParams.set("offline", bare.slice(ROOT.length) || "./");
  return Response.redirect(saved.href, 302);
}

/** A stored page, with `<html data-folio-saved-at="…">` so the page can say it is a copy. */
async function markCopy(response) {
  const savedAt = response.headers.get(SAVED_AT) || "";
  const text = (await response.text()).replace(/<html\b/, '<html data-folio-saved-at="' + savedAt + '"');
  return new Response(text, { status: 200, headers: response.headers });
}

/** The stored copy of `bare` in a saved article, or none. */
async function savedCopy(bare) {
  const index = await readIndex();
  for (const entry of index.articles) {
    const found = await (await caches.open(entry.cache)).match(bare);
    if (found) return found;
  }
  return undefined;
}

/** Data (the catalog, bundle files, media, fonts): the network first; when it fails, the
 * copy in the shell or a saved article, with the time it was stored in its header. */
async function networkFirst(request) {
  const url = new URL(request.url);
  const bare = url.origin + url.pathname;
  const lookup = async () => (await (await caches.open(SHELL_CACHE)).match(bare)) || (await savedCopy(bare));
  let found;
  const response = await tryNetwork(request, async () => (found = await lookup()));
  if (response) return response;
  const stored = found || (await lookup());
  if (stored) return stored;
  if (request.destination === "image") return notSaved();
  return Response.error();
}

/** A picture of an article that is not saved (a catalog card's, say), offline: a plain
 * panel saying so, in place of a broken image. */
function notSaved() {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" preserveAspectRatio="xMidYMid slice">' +
    '<rect width="320" height="180" fill="#e8e4da"/>' +
    '<text x="160" y="96" text-anchor="middle" font-family="system-ui, sans-serif" font-size="15" fill="#55534e">' +
    "Picture not saved for offline reading</text></svg>";
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "X-Folio-Offline": "not-saved" } });
}

/* The index of saved articles. */

/** The index, migrated to this layout; an empty one when there is none. */
async function readIndex() {
  const cache = await caches.open(INDEX_CACHE);
  const stored = await cache.match(INDEX_URL);
  if (!stored) return { schema: SCHEMA, articles: [] };
  let index;
  try {
    index = await stored.json();
  } catch (unreadable) {
    return { schema: SCHEMA, articles: [] };
  }
  if (index && index.schema === 1) {
    index = await migrateFrom1(index);
    await writeIndex(index);
  }
  if (!index || index.schema !== SCHEMA || !Array.isArray(index.articles)) {
    return { schema: SCHEMA, articles: [], unreadable: true };
  }
  return index;
}

/** Layout 1 kept articles in an object by id, with ISO dates and no sizes; layout 2 keeps
 * a list, with times in milliseconds and each article's size and files. */
async function migrateFrom1(old) {
  const articles = [];
  for (const [id, entry] of Object.entries(old.articles || {})) {
    if (!entry || typeof entry.cache !== "string" || !(await caches.has(entry.cache))) continue;
    const cache = await caches.open(entry.cache);
    let bytes = 0;
    const files = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      bytes += (await response.blob()).size;
      files.push(request.url.slice(ROOT.length));
    }
    articles.push({
      id,
      title: String(entry.title || id),
      page: String(entry.page || ""),
      cache: entry.cache,
      savedAt: Date.parse(entry.savedAt) || 0,
      bytes,
      files,
    });
  }
  return { schema: SCHEMA, articles };
}

async function writeIndex(index) {
  const cache = await caches.open(INDEX_CACHE);
  const body = JSON.stringify({ schema: SCHEMA, articles: index.articles });
  await cache.put(INDEX_URL, new Response(body, { headers: { "Content-Type": "application/json" } }));
}

/** Deletes article caches the index does not name: a save that never finished. */
async function removeOrphans(index) {
  const kept = new Set(index.articles.map((a) => a.cache));
  for (const name of await caches.keys()) {
    if (name.startsWith(ARTICLE_PREFIX) && !kept.has(name) && !filling.has(name)) {
      await caches.delete(name);
    }
  }
}

/* The page's requests: save, list, remove, clear. */

function answer(status, body) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

async function api(request, url) {
  const action = url.pathname.slice(new URL(API).pathname.length);
  try {
    if (action === "saved" && request.method === "GET") {
      return answer(200, await inTurn(listSaved));
    }
    if (request.method !== "POST") return answer(405, { error: "method" });
    const asked = await request.json();
    if (action === "save") return await save(asked);
    if (action === "remove") return answer(200, await inTurn(() => remove(String(asked.id))));
    if (action === "clear") return answer(200, await inTurn(clear));
    return answer(404, { error: "unknown" });
  } catch (error) {
    return answer(500, { error: "failed", detail: String(error && error.name) });
  }
}

async function listSaved() {
  const index = await readIndex();
  await removeOrphans(index);
  return { schema: SCHEMA, articles: index.articles, unreadable: !!index.unreadable };
}

/** Stores every file of an article in a cache of its own, then names it in the index. */
async function save(asked) {
  const id = String(asked.id || "");
  const files = Array.isArray(asked.files) ? asked.files.map(String) : [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || files.length === 0) return answer(200, { saved: false, error: "request" });
  const name = ARTICLE_PREFIX + id + "-" + Date.now();
  filling.add(name);
  try {
    const cache = await caches.open(name);
    const savedAt = Date.now();
    let bytes = 0;
    for (const file of files) {
      const address = new URL(file, ROOT);
      if (address.origin !== self.location.origin) return await failed(name, { error: "request" });
      let response;
      try {
        response = await fetch(new Request(address.href, { cache: "no-cache" }));
      } catch (offline) {
        return await failed(name, { error: "network", file });
      }
      if (!response.ok) return await failed(name, { error: "missing", file, status: response.status });
      const { copy, size } = await stamped(response, savedAt);
      bytes += size;
      await cache.put(address.href, copy);
    }
    const entry = { id, title: String(asked.title || id), page: String(asked.page || ""), cache: name, savedAt, bytes, files };
    const replaced = await inTurn(async () => {
      const index = await readIndex();
      const before = index.articles.filter((a) => a.id === id);
      index.articles = index.articles.filter((a) => a.id !== id).concat([entry]);
      await writeIndex(index);
      return before;
    });
    for (const old of replaced) await caches.delete(old.cache);
    return answer(200, Object.assign({ saved: true }, entry));
  } catch (error) {
    const quota = error && error.name === "QuotaExceededError";
    return await failed(name, { error: quota ? "quota" : "failed", detail: String(error && error.name) });
  } finally {
    filling.delete(name);
  }
}

/** A save that did not happen: its cache removed, and why. Answered with 200, since the
 * request itself was understood; the page reads `saved: false`. */
async function failed(name, body) {
  filling.delete(name);
  await caches.delete(name);
  return answer(200, Object.assign({ saved: false }, body));
}

async function remove(id) {
  const index = await readIndex();
  const gone = index.articles.filter((a) => a.id === id);
  index.articles = index.articles.filter((a) => a.id !== id);
  await writeIndex(index);
  for (const entry of gone) await caches.delete(entry.cache);
  return { removed: gone.length };
}

async function clear() {
  const index = await readIndex();
  await caches.delete(INDEX_CACHE);
  let removed = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith(ARTICLE_PREFIX)) {
      await caches.delete(name);
      removed += 1;
    }
  }
  return { removed: Math.max(removed, index.articles.length) };
}
