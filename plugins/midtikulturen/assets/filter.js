/* The case filter on /cases/: narrows the server-rendered list in the browser, keeps the
   choice in the URL, and runs again after each of Material's instant page loads. */
(function () {
  "use strict";

  var data = {};

  function load(url) {
    if (!data[url]) {
      data[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + url); }
        return response.json();
      });
    }
    return data[url];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function card(record, root) {
    var item = element("li", "mik-card");
    var heading = element("h2", "mik-card__title");
    var link = element("a", "", record.title);
    link.href = root + record.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "mik-card__description", record.description));
    var meta = element("p", "mik-card__meta");
    var time = element("time", "", record.date_label);
    time.setAttribute("datetime", record.date);
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(" · " + record.places));
    item.appendChild(meta);
    if (record.picture) {
      item.classList.add("mik-card--picture");
      item.appendChild(picture(record.picture, root));
    }
    return item;
  }

  /* The card's thumbnail as the server renders it: AVIF and WebP sources, a JPEG for the rest. */
  function picture(data, root) {
    var node = element("picture", "mik-card__picture");
    var sizes = "(min-width: 125em) 288px, (min-width: 100em) 264px, " +
      "(min-width: 45em) 240px, 120px";
    ["image/avif", "image/webp"].forEach(function (type) {
      if (!data.sources[type]) { return; }
      var source = element("source");
      source.type = type;
      source.srcset = root + data.sources[type] + " " + data.width + "w";
      source.sizes = sizes;
      node.appendChild(source);
    });
    var img = element("img");
    img.src = root + data.sources["image/jpeg"];
    img.srcset = img.src + " " + data.width + "w";
    img.sizes = sizes;
    img.width = data.width;
    img.height = data.height;
    img.alt = "";
    img.loading = "lazy";
    img.decoding = "async";
    node.appendChild(img);
    return node;
  }

  function countText(matches, total) {
    if (matches === 0) { return "Ingen af de " + total + " cases matcher de valgte filtre."; }
    return matches + " af " + total + " cases matcher de valgte filtre.";
  }

  function setup(form) {
    var listing = form.closest(".mik-listing");
    var list = listing.querySelector("ul.mik-cards");
    var count = listing.querySelector(".mik-count");
    var status = listing.querySelector(".mik-filter__status");
    var pagination = listing.querySelector(".mik-pagination");
    var original = { items: Array.prototype.slice.call(list.children), count: count.textContent };
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

    function chosen() {
      return selects.filter(function (s) { return s.value; });
    }

    function remember() {
      var url = new URL(window.location.href);
      selects.forEach(function (s) {
        if (s.value) { url.searchParams.set(s.name, s.value); } else { url.searchParams.delete(s.name); }
      });
      window.history.replaceState(window.history.state, "", url.toString());
    }

    function apply() {
      remember();
      var active = chosen();
      if (active.length === 0) {
        list.replaceChildren.apply(list, original.items);
        count.textContent = original.count;
        if (pagination) { pagination.hidden = false; }
        return;
      }
      load(form.dataset.src).then(function (json) {
        if (chosen().length === 0) { return; }
        var matches = json.cases.filter(function (record) {
          return chosen().every(function (s) { return record.facets[s.name].indexOf(s.value) !== -1; });
        });
        list.replaceChildren.apply(list, matches.map(function (r) { return card(r, form.dataset.root); }));
        count.textContent = countText(matches.length, json.cases.length);
        status.textContent = "";
        if (pagination) { pagination.hidden = true; }
      }).catch(function () {
        status.textContent = "Filtrene kunne ikke indlæses. Brug siderne for kommuner, temaer og programmer.";
      });
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted && s.querySelector('option[value="' + CSS.escape(wanted) + '"]')) { s.value = wanted; }
      s.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (chosen().length) { apply(); }
  }

  function init() {
    var form = document.querySelector("form.mik-filter");
    if (form && !form.dataset.ready && form.closest(".mik-listing").querySelector("ul.mik-cards")) {
      form.dataset.ready = "true";
      setup(form);
    }
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
