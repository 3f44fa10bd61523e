/* Folio's offline layer on the page (docs/adr/009-offline-and-install.md): it starts the
 * service worker (sw.js), offers its updates, says when the network is gone or the page is
 * a stored copy, saves articles, and fills the Saved page. It works on a static page before
 * and without the app's module, and keeps to the markup the app renders (data-folio-*). */

const ROOT = new URL("./", import.meta.url);
const API = new URL("__folio/offline/", ROOT);
const html = document.documentElement;
const workers = "serviceWorker" in navigator && window.isSecureContext ? navigator.serviceWorker : null;

/* Words and numbers. */

function when(ms) {
  const date = new Date(Number(ms));
  if (!Number(ms) || Number.isNaN(date.getTime())) return "an unknown date";
  return new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short" }).format(date);
}

function size(bytes) {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let n = Number(bytes) || 0;
  let unit = 0;
  while (n >= 1000 && unit < units.length - 1) {
    n /= 1000;
    unit += 1;
  }
  const shown = unit === 0 ? String(n) : n.toFixed(n < 10 ? 1 : 0);
  return shown + " " + units[unit];
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
    button.textContent = "Updating\u2026";
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
    show(status("copy"), "You are offline: showing the copy saved on " + when(savedAt) + ".");
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
  const manifest = JSON.parse(data.manifest);
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
  const file = a.file ? decodeURIComponent(new URL(a.file, ROOT).pathname.split("/").pop()) : "a file";
  switch (a.error) {
    case "quota":
      return "Not saved: this device has no more room for Folio's saved articles, so nothing was kept. Remove saved articles on the Saved page, or free some space, and try again.";
    case "network":
      return "Not saved: the network failed while fetching " + file + ", so nothing was kept. Try again when you are online.";
    case "missing":
      return "Not saved: the server could not send " + file + " (HTTP " + a.status + "), so nothing was kept.";
    case "request":
      return "Not saved: this page does not name the files of its article, so nothing was kept.";
    default:
      return "Not saved: the browser refused to store the article (" + (a.detail || "HTTP " + result.status) + "), so nothing was kept.";
  }
}

/** After the first save, asks the browser to keep saved articles, and adds its answer to
 * the status line `said` when it comes. Firefox asks the reader first, so the save is
 * reported at once and never waits for that answer. */
function persistAfterFirstSave(before, line, said) {
  if (before > 0 || !navigator.storage || !navigator.storage.persist) return;
  navigator.storage.persist().catch(() => false).then((granted) => {
    if (line.textContent !== said) return;
    line.textContent = said + (granted
      ? " This browser will keep saved articles until you remove them."
      : " This browser did not grant lasting storage, so it may remove saved articles if the device runs short of space.");
  });
}

async function save(box) {
  const button = box.querySelector("button");
  const line = box.querySelector("[role=status]");
  const label = box.querySelector(".save-offline__label");
  const data = pageData();
  if (!data || data.page !== "article") {
    line.textContent = "Not saved: only an article's own page can be saved for offline reading.";
    return;
  }
  button.disabled = true;
  label.textContent = "Saving\u2026";
  line.textContent = "Saving the article, its pictures and fonts\u2026";
  try {
    if (!(await controlled(10000))) {
      line.textContent = "Not saved: saving needs this browser's service workers, which are turned off or not allowed on this address (it must be https).";
      return;
    }
    const before = (await ask("saved")).answer.articles?.length ?? 0;
    const page = new URL(location.pathname, location.href).href.slice(ROOT.href.length);
    const result = await ask("save", { id: box.dataset.folioSave, title: box.dataset.folioSaveTitle, page, files: articleFiles(data) });
    if (!result.ok || !result.answer.saved) {
      line.textContent = whyNotSaved(result);
      return;
    }
    const said = "Saved for offline on " + when(result.answer.savedAt) + " (" + size(result.answer.bytes) + "). It opens with no network, and is listed on the Saved page.";
    line.textContent = said;
    box.setAttribute("data-folio-saved-at", String(result.answer.savedAt));
    persistAfterFirstSave(before, line, said);
  } catch (failed) {
    line.textContent = "Not saved: the network or the browser failed (" + (failed && failed.name) + "), so nothing was kept.";
  } finally {
    button.disabled = false;
    label.textContent = box.hasAttribute("data-folio-saved-at") ? "Save again" : "Save for offline";
  }
}

async function markSavedArticle() {
  const box = document.querySelector("[data-folio-save]");
  if (!box || !workers || !workers.controller) return;
  const listed = await ask("saved").catch(() => null);
  const entry = listed && (listed.answer.articles || []).find((a) => a.id === box.dataset.folioSave);
  if (!entry) return;
  box.setAttribute("data-folio-saved-at", String(entry.savedAt));
  box.querySelector(".save-offline__label").textContent = "Save again";
  box.querySelector("[role=status]").textContent = "Saved for offline on " + when(entry.savedAt) + ".";
}

/* The Saved page. */

async function showSaved(page) {
  const list = page.querySelector("[data-folio-saved-list]");
  const line = page.querySelector("[data-folio-saved-status]");
  const asked = new URLSearchParams(location.search).get("offline");
  if (asked) {
    show(page.querySelector("[data-folio-saved-offline]"),
      "You are offline, and " + asked + " is not saved on this device, so it cannot open now. Saved articles open without a network:");
  }
  if (!(await controlled(10000))) {
    line.textContent = "This browser does not let Folio keep articles here: service workers are turned off or not allowed on this address.";
    return;
  }
  const result = await ask("saved").catch(() => null);
  list.replaceChildren();
  if (!result || !result.ok) {
    line.textContent = "The list of saved articles could not be read.";
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
    meta.textContent = size(entry.bytes) + ", saved on " + when(entry.savedAt);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--quiet";
    remove.dataset.folioRemove = entry.id;
    remove.append("Remove");
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + entry.title;
    remove.append(hidden);
    remove.onclick = async () => {
      remove.disabled = true;
      const done = await ask("remove", { id: entry.id }).catch(() => null);
      line.textContent = done && done.ok ? "Removed \u201c" + entry.title + "\u201d." : "\u201c" + entry.title + "\u201d could not be removed.";
      await showSaved(page);
    };
    item.append(link, meta, remove);
    list.append(item);
  }
  if (articles.length === 0 && !line.textContent) {
    line.textContent = "No articles are saved on this device. Open an article and choose \u201cSave for offline\u201d.";
  }
  await showStorage(page);
}

async function showStorage(page) {
  const line = page.querySelector("[data-folio-storage]");
  if (!navigator.storage || !navigator.storage.estimate) {
    line.textContent = "This browser does not say how much storage Folio uses.";
    return;
  }
  const estimate = await navigator.storage.estimate().catch(() => null);
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted().catch(() => false) : false;
  const kept = persisted
    ? " The browser keeps saved articles until you remove them."
    : " The browser may remove saved articles if the device runs short of space.";
  line.textContent = estimate
    ? "Folio uses " + size(estimate.usage) + " of storage on this device, of the " + size(estimate.quota) + " this browser allows." + kept
    : "This browser did not say how much storage Folio uses." + kept;
}

function clearAll(page) {
  const button = page.querySelector("[data-folio-clear]");
  const line = page.querySelector("[data-folio-saved-status]");
  button.addEventListener("click", async () => {
    if (!window.confirm("Remove every saved article and your reading settings from this device?")) return;
    button.disabled = true;
    const done = await ask("clear", {}).catch(() => null);
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("folio.")) localStorage.removeItem(key);
    }
    button.disabled = false;
    await showSaved(page);
    line.textContent = done && done.ok
      ? "Removed every saved article (" + done.answer.removed + ") and your reading settings."
      : "Your reading settings are removed, but the saved articles could not be.";
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
// The app re-renders the page when it takes it over: mark the saved article again then.
new MutationObserver(() => {
  if (html.getAttribute("data-folio-app") === "ready") markSavedArticle();
}).observe(html, { attributes: true, attributeFilter: ["data-folio-app"] });
