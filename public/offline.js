/* Folio's offline layer on the page (docs/adr/009-offline-and-install.md): it starts the
 * service worker (sw.js), offers its updates, says when the network is gone or the page is
 * a stored copy, saves articles, and fills the Saved page. It works on a static page before
 * and without the app's module, and keeps to the markup the app renders (data-folio-*). */

const ROOT = new URL("./", import.meta.url);
const API = new URL("__folio/offline/", ROOT);
const html = document.documentElement;
const workers = "serviceWorker" in navigator && window.isSecureContext ? navigator.serviceWorker : null;

/* Words and numbers, in the language of Folio's words on the page (`data-folio-interface`,
 * which the build and the app set). The build writes the English words in here and every
 * other language's beside this file (words/LANG.json, from src/interface/LANG/offline.ftl),
 * fetched on a page in that language; until they are here, messages are in English. Each
 * {name} in them is a value. Each language says its direction under "-direction". */

const WORDS = {};
const fetching = {};

function asked() {
  return html.getAttribute("data-folio-interface") || "en";
}

function language() {
  return Object.prototype.hasOwnProperty.call(WORDS, asked()) ? asked() : "en";
}

/** Resolves once the asked language's words are here, or could not be fetched. */
function fetchWords() {
  const tag = asked();
  if (WORDS[tag] || fetching[tag] || !/^[a-z]{2,3}$/.test(tag)) return Promise.resolve(fetching[tag]);
  fetching[tag] = fetch(new URL("words/" + tag + ".json", ROOT))
    .then((response) => (response.ok ? response.json() : null))
    .then((words) => {
      if (!words) return;
      WORDS[tag] = words;
      translate();
      // What this script wrote before the words came, written again in them.
      if (savedPage) showSaved(savedPage);
      markSavedArticle();
    })
    .catch(() => null);
  return fetching[tag];
}

function say(id, values) {
  const words = WORDS[language()] || {};
  const text = Object.prototype.hasOwnProperty.call(words, id) ? words[id] : id;
  return text.replace(/\{([a-z]+)\}/g, (place, name) => (values && name in values ? String(values[name]) : place));
}

/** The page's own words again, in the language asked for once its words are here: after
 * the app has drawn the page in the language the reader chose. */
function translate() {
  if (!WORDS[asked()]) return fetchWords();
  const status = document.querySelector(".app-status");
  if (status) {
    status.lang = language();
    status.dir = (WORDS[language()] || {})["-direction"] || "ltr";
  }
  for (const element of document.querySelectorAll("[data-folio-words]")) {
    element.textContent = say(element.getAttribute("data-folio-words"));
  }
}

function when(ms) {
  const date = new Date(Number(ms));
  if (!Number(ms) || Number.isNaN(date.getTime())) return say("unknown-date");
  return new Intl.DateTimeFormat(language(), { dateStyle: "long", timeStyle: "short" }).format(date);
}

function size(bytes) {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"];
  let n = Number(bytes) || 0;
  let unit = 0;
  while (n >= 1000 && unit < units.length - 1) {
    n /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || n >= 10 ? 0 : 1;
  const style = { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: digits };
  return new Intl.NumberFormat(language(), style).format(n);
}

function status(name) {
  return document.querySelector('[data-folio-status="' + name + '"]');
}

function show(element, text) {
  if (!element) return;
  if (text !== undefined) element.textContent = text;
  element.hidden = false;
}

/* The service worker and its updates. */

let accepted = false;

function offerUpdate(registration) {
  const line = status("update");
  if (!line || !registration.waiting) return;
  show(line);
  const button = line.querySelector("button");
  button.onclick = () => {
    const waiting = registration.waiting;
    if (!waiting) return;
    accepted = true;
    button.disabled = true;
    button.textContent = say("status-updating");
    waiting.postMessage({ type: "skip-waiting" });
  };
}

async function startWorker() {
  // Inside a partner's frame Folio keeps nothing: its storage there may be blocked or
  // partitioned, and the reader did not come to Folio to install it.
  if (!workers || window.parent !== window) return;
  workers.addEventListener("controllerchange", () => {
    html.setAttribute("data-folio-sw", "ready");
    // The reader accepted the update: the page reloads, so it runs one version whole.
    if (accepted) location.reload();
  });
  let registration;
  try {
    registration = await workers.register(new URL("sw.js", ROOT).href, { scope: ROOT.href });
  } catch (refused) {
    html.setAttribute("data-folio-sw", "refused");
    return;
  }
  if (registration.waiting && workers.controller) offerUpdate(registration);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    // A new version, not the first install: an older worker is already active. (WebKit may
    // report the first install's states only once it has taken the page, with a controller.)
    const replacing = !!registration.active;
    if (!installing || !replacing) return;
    installing.addEventListener("statechange", () => {
      if (installing.state === "installed" && workers.controller) offerUpdate(registration);
    });
  });
}

/** Waits until a service worker answers this page's requests, for at most `ms`. */
function controlled(ms) {
  if (!workers) return Promise.resolve(false);
  if (workers.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(!!workers.controller), ms);
    workers.addEventListener("controllerchange", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function ask(action, body) {
  const init = body === undefined
    ? { cache: "no-store" }
    : { method: "POST", cache: "no-store", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(new URL(action, API), init);
  let answer = {};
  try {
    answer = await response.json();
  } catch (notJson) {
    answer = { error: "helper" };
  }
  return { ok: response.ok, status: response.status, answer };
}

/* Network and stored copies. */

function watchNetwork() {
  const line = status("offline");
  const update = () => {
    if (navigator.onLine) {
      html.removeAttribute("data-folio-offline");
      if (line) line.hidden = true;
    } else {
      html.setAttribute("data-folio-offline", "");
      show(line);
    }
  };
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
  const savedAt = html.getAttribute("data-folio-saved-at");
  if (savedAt !== null) {
    fetchWords().then(() => show(status("copy"), say("status-copy", { when: when(savedAt) })));
  }
}

/* Save for offline. */

function pageData() {
  const script = document.getElementById("folio_page");
  try {
    return script ? JSON.parse(script.textContent) : null;
  } catch (unreadable) {
    return null;
  }
}

/** Every file the article's page needs: the page, its bundle (manifest, Markdown, every
 * size of every image) and the reading fonts the page has loaded. */
function articleFiles(data) {
  const page = new URL(location.pathname, location.href);
  const base = new URL(data.base, page);
  const manifest = data.article.manifest;
  const files = [page.href, new URL("bundle.json", base).href, new URL(manifest.body, base).href];
  for (const media of manifest.media || []) {
    files.push(new URL(media.src, base).href);
    for (const source of media.sources || []) files.push(new URL(source.src, base).href);
  }
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name);
    if (url.origin === location.origin && /\/fonts\/.+\.woff2$/.test(url.pathname)) files.push(url.origin + url.pathname);
  }
  return [...new Set(files)];
}

function whyNotSaved(result) {
  const a = result.answer || {};
  const file = a.file ? decodeURIComponent(new URL(a.file, ROOT).pathname.split("/").pop()) : say("a-file");
  switch (a.error) {
    case "quota":
      return say("not-saved-quota");
    case "network":
      return say("not-saved-network", { file });
    case "missing":
      return say("not-saved-missing", { file, status: a.status });
    case "request":
      return say("not-saved-request");
    default:
      return say("not-saved-refused", { detail: a.detail || "HTTP " + result.status });
  }
}

/** After the first save, asks the browser to keep saved articles, and adds its answer to
 * the status line `said` when it comes. Firefox asks the reader first, so the save is
 * reported at once and never waits for that answer. */
function persistAfterFirstSave(before, line, said) {
  if (before > 0 || !navigator.storage || !navigator.storage.persist) return;
  navigator.storage.persist().catch(() => false).then((granted) => {
    if (line.textContent !== said) return;
    line.textContent = said + " " + say(granted ? "kept-granted" : "kept-refused");
  });
}

async function save(box) {
  const button = box.querySelector("button");
  const line = box.querySelector("[role=status]");
  const label = box.querySelector(".save-offline__label");
  const data = pageData();
  if (!data || data.page !== "article") {
    line.textContent = say("not-saved-not-article");
    return;
  }
  const named = label.textContent;
  button.disabled = true;
  label.textContent = say("saving");
  line.textContent = say("saving-detail");
  try {
    if (!(await controlled(10000))) {
      line.textContent = say("not-saved-no-workers");
      return;
    }
    const before = (await ask("saved")).answer.articles?.length ?? 0;
    const page = new URL(location.pathname, location.href).href.slice(ROOT.href.length);
    const result = await ask("save", { id: box.dataset.folioSave, title: box.dataset.folioSaveTitle, page, files: articleFiles(data) });
    if (!result.ok || !result.answer.saved) {
      line.textContent = whyNotSaved(result);
      return;
    }
    const said = say("saved-for-offline", { when: when(result.answer.savedAt), size: size(result.answer.bytes) });
    line.textContent = said;
    box.setAttribute("data-folio-saved-at", String(result.answer.savedAt));
    persistAfterFirstSave(before, line, said);
  } catch (failed) {
    line.textContent = say("not-saved-failed", { detail: failed && failed.name });
  } finally {
    button.disabled = false;
    label.textContent = box.hasAttribute("data-folio-saved-at") ? say("save-again") : named;
  }
}

async function markSavedArticle() {
  const box = document.querySelector("[data-folio-save]");
  if (!box || !workers || !workers.controller) return;
  await fetchWords();
  const listed = await ask("saved").catch(() => null);
  const entry = listed && (listed.answer.articles || []).find((a) => a.id === box.dataset.folioSave);
  if (!entry) return;
  box.setAttribute("data-folio-saved-at", String(entry.savedAt));
  box.querySelector(".save-offline__label").textContent = say("save-again");
  box.querySelector("[role=status]").textContent = say("saved-for-offline-on", { when: when(entry.savedAt) });
}

/* The Saved page. */

async function showSaved(page) {
  await fetchWords();
  const list = page.querySelector("[data-folio-saved-list]");
  const line = page.querySelector("[data-folio-saved-status]");
  const asked = new URLSearchParams(location.search).get("offline");
  if (asked) {
    show(page.querySelector("[data-folio-saved-offline]"), say("asked-offline", { page: asked }));
  }
  if (!(await controlled(10000))) {
    line.textContent = say("no-service-workers");
    return;
  }
  const result = await ask("saved").catch(() => null);
  list.replaceChildren();
  if (!result || !result.ok) {
    line.textContent = say("list-unreadable");
    return;
  }
  const articles = [...result.answer.articles].sort((a, b) => b.savedAt - a.savedAt);
  for (const entry of articles) {
    const item = document.createElement("li");
    item.className = "saved__item";
    const link = document.createElement("a");
    link.href = new URL(entry.page, ROOT).href;
    link.textContent = entry.title;
    const meta = document.createElement("span");
    meta.className = "saved__meta";
    meta.textContent = say("saved-item", { size: size(entry.bytes), when: when(entry.savedAt) });
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--quiet";
    remove.dataset.folioRemove = entry.id;
    remove.append(say("remove-one"));
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + entry.title;
    remove.append(hidden);
    remove.onclick = async () => {
      remove.disabled = true;
      const done = await ask("remove", { id: entry.id }).catch(() => null);
      line.removeAttribute("data-folio-words");
      line.textContent = say(done && done.ok ? "removed-one" : "not-removed-one", { title: entry.title });
      await showSaved(page);
    };
    item.append(link, meta, remove);
    list.append(item);
  }
  // Said in the page's words, so that it is said again in the reader's (`translate`).
  if (articles.length === 0 && (!line.textContent || line.hasAttribute("data-folio-words"))) {
    line.setAttribute("data-folio-words", "none-saved");
    line.textContent = say("none-saved");
  }
  await showStorage(page);
}

async function showStorage(page) {
  const line = page.querySelector("[data-folio-storage]");
  if (!navigator.storage || !navigator.storage.estimate) {
    line.textContent = say("storage-unknown");
    return;
  }
  const estimate = await navigator.storage.estimate().catch(() => null);
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted().catch(() => false) : false;
  const kept = " " + say(persisted ? "storage-kept" : "storage-may-go");
  line.textContent = estimate
    ? say("storage-used", { usage: size(estimate.usage), quota: size(estimate.quota) }) + kept
    : say("storage-unsaid") + kept;
}

function clearAll(page) {
  const button = page.querySelector("[data-folio-clear]");
  const line = page.querySelector("[data-folio-saved-status]");
  button.addEventListener("click", async () => {
    if (!window.confirm(say("confirm-clear"))) return;
    button.disabled = true;
    const done = await ask("clear", {}).catch(() => null);
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("folio.")) localStorage.removeItem(key);
    }
    button.disabled = false;
    await showSaved(page);
    line.removeAttribute("data-folio-words");
    line.textContent = done && done.ok
      ? say("cleared", { count: new Intl.NumberFormat(language()).format(done.answer.removed) })
      : say("not-cleared");
  });
}

/** After the page has loaded and the app has started (or after 10 s), so that storing the
 * shell never competes with the page's own first load. */
function afterFirstLoad() {
  const started = () => html.getAttribute("data-folio-app") === "ready" || !html.hasAttribute("data-folio-js");
  return new Promise((resolve) => {
    const loaded = () => {
      if (started()) return resolve();
      const timer = setTimeout(resolve, 10000);
      new MutationObserver((_, observer) => {
        if (!started()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }).observe(html, { attributes: true, attributeFilter: ["data-folio-app"] });
    };
    if (document.readyState === "complete") loaded();
    else window.addEventListener("load", loaded, { once: true });
  });
}

/* Start. */

fetchWords();
watchNetwork();
if (workers) html.setAttribute("data-folio-sw", workers.controller ? "ready" : "supported");
afterFirstLoad().then(startWorker);
document.addEventListener("click", (event) => {
  const box = event.target.closest && event.target.closest("[data-folio-save] button");
  if (box) save(box.closest("[data-folio-save]"));
});
const savedPage = document.querySelector("[data-folio-saved]");
if (savedPage) {
  clearAll(savedPage);
  showSaved(savedPage);
}
controlled(10000).then(markSavedArticle);
// The app re-renders the page when it takes it over: mark the saved article again then, in
// the language the reader chose, which the status lines follow.
new MutationObserver(() => {
  if (html.getAttribute("data-folio-app") === "ready") markSavedArticle();
}).observe(html, { attributes: true, attributeFilter: ["data-folio-app"] });
new MutationObserver(translate).observe(html, { attributes: true, attributeFilter: ["data-folio-interface"] });
