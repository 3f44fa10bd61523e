/* Folio's embed loader, for partners' pages (docs/embedding.md). Each
 *   <div data-folio-article="https://…/embed/ID/"><a href="…">Headline</a></div>
 * becomes a frame showing that article, made when it nears the viewport, as tall as its
 * content. The height comes from the embed's own messages (pym.js's child protocol), taken
 * only from that frame and its origin, and kept within a sane range. Loading this file more
 * than once, as pasted oEmbed snippets do, embeds each article once. */
(function () {
  "use strict";
  var DELIMITER = "xPYMx", MIN_HEIGHT = 150, MAX_HEIGHT = 60000;
  var OPTIONS = ["theme", "preset", "sidebar", "related"];
  var frames = [];

  function embedAddress(text) {
    try {
      var url = new URL(text || "", location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (notAnAddress) {
      return null;
    }
  }

  function build(holder) {
    var url = embedAddress(holder.getAttribute("data-folio-article"));
    if (!url) {
      holder.setAttribute("data-folio-problem", "data-folio-article is not an http(s) address");
      return;
    }
    var id = "folio-" + Math.random().toString(36).slice(2, 12);
    OPTIONS.forEach(function (name) {
      var value = holder.getAttribute("data-" + name);
      if (value) url.searchParams.set(name, value);
    });
    // pym.js's parameters; of the partner's address only its origin is passed.
    url.searchParams.set("initialWidth", String(holder.clientWidth));
    url.searchParams.set("childId", id);
    url.searchParams.set("parentUrl", location.origin + "/");
    var frame = document.createElement("iframe");
    var link = holder.querySelector("a");
    frame.title = holder.getAttribute("data-title") || (link && link.textContent.trim()) || "An article";
    frame.src = url.href;
    frame.loading = "lazy";
    frame.referrerPolicy = "no-referrer";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    frame.style.cssText = "display:block;width:100%;border:0;height:" + (parseInt(holder.getAttribute("data-height"), 10) || 600) + "px";
    frames.push({ frame: frame, origin: url.origin, id: id });
    holder.textContent = "";
    holder.appendChild(frame);
  }

  window.addEventListener("message", function (event) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.frame.contentWindow) continue;
      if (event.origin !== f.origin || typeof event.data !== "string") return;
      var parts = event.data.split(DELIMITER);
      if (parts.length !== 4 || parts[0] !== "pym" || parts[1] !== f.id || parts[2] !== "height") return;
      if (!/^\d{1,9}(\.\d+)?$/.test(parts[3])) return;
      var height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(Number(parts[3]))));
      f.frame.style.height = height + "px";
      return;
    }
  });

  var near = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          near.unobserve(entry.target);
          build(entry.target);
        });
      }, { rootMargin: "800px 0px" })
    : null;

  function scan() {
    var holders = document.querySelectorAll("[data-folio-article]:not([data-folio-embedded])");
    for (var i = 0; i < holders.length; i++) {
      holders[i].setAttribute("data-folio-embedded", "");
      if (near) near.observe(holders[i]);
      else build(holders[i]);
    }
  }

  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
