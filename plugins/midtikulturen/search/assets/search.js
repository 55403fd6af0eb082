/* Site search: Material's search dialog in the header, answered from Pagefind's index.

   Nothing of the index is downloaded before the reader opens the dialog (the search field,
   the header button, or the keys "/", "s" and "f"); then Pagefind's script, its WebAssembly
   and, per query, only the index chunks and result fragments it needs. Topic pages (Emne)
   are shown above the list, so the items tagged with a term lead the list itself. The dialog has a name, results are announced in a live region, and
   focus goes to the field on opening and back to where it was on closing. */
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
  var ROOT = new URL("../../", SCRIPT.src);
  var PAGE_SIZE = 10;
  var TOPICS = 3;
  var RANKING = {
    metaWeights: { title: 5, organisation: 4, sted: 3, type: 0, dato: 0, emne: 0 },
    pageLength: 0.5
  };

  var engine = null;
  var attempts = 0;
  var latest = 0;

  /* Pagefind's module, set up once; after a failed load (a dropped connection on a phone),
     a fresh copy of the module is imported, because Pagefind keeps its first error. */
  function load(folder) {
    if (!engine) {
      var url = new URL(folder + "pagefind.js", ROOT);
      if (attempts > 0) { url.searchParams.set("forsoeg", String(attempts)); }
      attempts += 1;
      engine = import(url.href).then(function (pagefind) {
        return pagefind.options({ ranking: RANKING, excerptLength: 26 }).then(function () {
          return pagefind.init();  // once: a search during a second init would start another
        }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function searchWithRetry(folder, query) {
    return load(folder).then(function (pagefind) {
      return pagefind.search(query);
    }).catch(function (error) {
      if (attempts > 3) { throw error; }
      engine = null;
      return load(folder).then(function (pagefind) { return pagefind.search(query); });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* Pagefind's excerpt as nodes. Its text is the page's plain text (a `<script>` shown in code
     is text there too) with <mark> around the words found: only those are made elements. */
  function excerptNodes(excerpt) {
    var out = document.createDocumentFragment();
    var marked = false;
    excerpt.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>" || piece === "</mark>") {
        marked = piece === "<mark>";
      } else if (piece) {
        out.appendChild(marked ? element("mark", "", piece) : document.createTextNode(piece));
      }
    });
    return out;
  }

  function plural(count, one, many) { return count === 1 ? one : many; }

  function setup(dialog) {
    var folder = dialog.getAttribute("data-mik-search") || "pagefind/";
    var toggle = document.getElementById("__search");
    var form = dialog.querySelector("form");
    var field = form.querySelector("input[name=query]");
    var status = dialog.querySelector(".mik-search__status");
    var list = dialog.querySelector(".mik-search__results");
    var more = dialog.querySelector(".mik-search__more");
    var topics = element("ul", "mik-search__topics");
    topics.setAttribute("aria-label", "Emner");
    topics.hidden = true;
    list.parentNode.insertBefore(topics, list);
    var opener = null;
    var pending = [];
    var timer = 0;
    var cursor = 0;

    function setOpen(value) {
      if (toggle && toggle.checked !== value) { toggle.click(); }
    }

    function open() {
      setOpen(true);
      field.focus();
      field.select();
    }

    function close() {
      setOpen(false);
    }

    function onToggle() {
      if (toggle.checked) {
        if (!dialog.contains(document.activeElement)) { opener = document.activeElement; }
        load(folder);
        if (document.activeElement !== field) { field.focus(); }
      } else {
        var inside = dialog.contains(document.activeElement);
        if (inside) { document.activeElement.blur(); }
        if (inside && opener && document.contains(opener) && opener !== document.body) {
          opener.focus();
        }
        opener = null;
      }
    }

    function say(text) {
      status.textContent = text;
    }

    function hit(data) {
      var meta = data.meta || {};
      var item = element("li", "md-search-result__item mik-search-hit");
      var link = element("a", "md-search-result__link mik-search-hit__link");
      link.href = data.url;
      var article = element("article", "md-search-result__article md-typeset");
      article.appendChild(element("h2", "mik-search-hit__title", meta.title || data.url));
      var facts = [meta.dato, meta.sted].filter(Boolean).join(" · ");
      var line = element("p", "mik-search-hit__meta");
      if (meta.type) { line.appendChild(element("span", "mik-search-hit__type", meta.type)); }
      if (facts) { line.appendChild(document.createTextNode(" " + facts)); }
      article.appendChild(line);
      var excerpt = element("p", "mik-search-hit__excerpt");
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
      return item;
    }

    function topic(data) {
      var item = element("li", "mik-search-topic");
      var link = element("a", "mik-search-topic__link");
      link.href = data.url;
      var kind = data.meta && data.meta.emne;
      link.appendChild(element("span", "mik-search-hit__type", "Emne"));
      link.appendChild(document.createTextNode(" " + ((data.meta && data.meta.title) || data.url)));
      item.appendChild(link);
      if (kind) { item.appendChild(element("span", "mik-search-topic__kind", kind)); }
      return item;
    }

    /* The next results' fragments: topic pages go above the list, the rest into it. */
    function showMore(token) {
      var batch = pending.slice(cursor, cursor + PAGE_SIZE);
      cursor += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
        if (token !== latest) { return; }
        datas.forEach(function (data) {
          if (data.meta && data.meta.type === "Emne") {
            if (topics.children.length < TOPICS) { topics.appendChild(topic(data)); }
          } else {
            list.appendChild(hit(data));
          }
        });
        topics.hidden = topics.children.length === 0;
        more.hidden = cursor >= pending.length;
      });
    }

    function clear() {
      list.replaceChildren();
      topics.replaceChildren();
      topics.hidden = true;
      more.hidden = true;
      pending = [];
      cursor = 0;
    }

    function run() {
      var query = field.value.trim();
      var token = ++latest;
      if (!query) {
        clear();
        say("Skriv et eller flere ord for at søge.");
        return;
      }
      searchWithRetry(folder, query).then(function (found) {
        if (token !== latest) { return; }
        clear();
        pending = found ? found.results : [];
        return showMore(token).then(function () {
          if (token !== latest) { return; }
          var count = pending.length;
          say(count === 0
            ? "Ingen resultater for »" + query + "«."
            : count + " " + plural(count, "resultat", "resultater") + " for »" + query + "«" +
              (cursor < count ? ", de første vises." : "."));
        });
      }).catch(function (error) {
        if (token === latest) { say("Søgningen kunne ikke indlæses. Prøv igen om lidt."); }
        console.error("midtikulturen search:", error);
      });
    }

    function links() {
      return Array.prototype.slice.call(dialog.querySelectorAll(".mik-search-topic__link, .mik-search-hit__link"));
    }

    function move(from, step) {
      var all = links();
      var index = all.indexOf(from) + step;
      if (index < 0) { field.focus(); return; }
      if (index < all.length) { all[index].focus(); }
    }

    field.addEventListener("focus", function () { setOpen(true); load(folder); });
    field.addEventListener("click", function () { setOpen(true); });
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120);
    });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      if (event.key === "ArrowDown") { event.preventDefault(); move(null, 1); }
      if (event.key === "Enter") {
        event.preventDefault();
        var first = dialog.querySelector(".mik-search-hit__link");
        if (first) { first.click(); }
      }
    });
    dialog.addEventListener("keydown", function (event) {
      var target = event.target;
      if (!(target instanceof HTMLAnchorElement)) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); move(target, 1); }
      if (event.key === "ArrowUp") { event.preventDefault(); move(target, -1); }
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { run(); field.focus(); }, 0);
    });
    more.addEventListener("click", function () {
      showMore(latest);
    });
    if (toggle) { toggle.addEventListener("change", onToggle); }

    // Material's header opens search with a <label> for its checkbox, which a keyboard cannot
    // reach; a real button takes its place (a label may not have role="button").
    var label = document.querySelector('label.md-header__button[for="__search"]');
    if (label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " mik-search-button";
      button.setAttribute("aria-label", "Søg på sitet");
      while (label.firstChild) { button.appendChild(label.firstChild); }
      button.addEventListener("click", open);
      label.replaceWith(button);
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
      var target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable ||
          /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        open();
      }
    });
  }

  var dialog = document.querySelector("[data-mik-search]");
  if (dialog && !dialog.hasAttribute("data-ready")) {
    dialog.setAttribute("data-ready", "");
    setup(dialog);
  }
})();
