/* Midt i Kulturen's additions to Decap CMS: the project's file names, front matter that the
 * site's loader accepts the first time, the body in Markdown mode and a case preview styled
 * like the site. Settings come from the page (generated from the schemas by the build). */
(function () {
  "use strict";

  var settings = JSON.parse(document.getElementById("mik-cms").textContent);
  var h = window.h;

  // Decap's rich-text mode escapes Markdown typed by hand (`**` becomes `\*\*`) and rewrites
  // blocks it does not know; start editors in Markdown mode. The choice is remembered.
  if (window.localStorage.getItem("cms.md-mode") === null) {
    window.localStorage.setItem("cms.md-mode", "raw");
  }

  // The same rule as midtikulturen.content.slugs.slugify: æ→ae, ø→oe, å→aa.
  var DANISH = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "u", "ß": "ss",
                "&": " og "};

  function slugify(text) {
    var lowered = Array.from(text.toLowerCase(), function (c) {
      return Object.prototype.hasOwnProperty.call(DANISH, c) ? DANISH[c] : c;
    }).join("");
    var ascii = lowered.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // A new entry's title as Decap's file naming and its YAML writer see it. Decap names a new
  // file from String(title) and has no hook for its transliteration (ø→o); its YAML writer
  // writes toJSON(). Only the copy of the entry being saved carries this object.
  function NamedTitle(title) {
    this.title = title;
    this.slug = slugify(title);
  }
  NamedTitle.prototype.toString = function () { return this.slug; };
  NamedTitle.prototype.toJSON = function () { return this.title; };

  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  // Leave out what the editor left empty, so the loader never sees `updated: ""` or
  // `period: {start: ""}`; fields the schema wants written even when empty become null.
  function clean(data, rules) {
    var result = Object.assign({}, data);
    rules.forEach(function (rule) {
      var value = result[rule.name];
      if (rule.fields && Array.isArray(value)) {
        value = value.map(function (item) { return clean(item || {}, rule.fields); })
          .filter(function (item) { return !isEmpty(item); });
      } else if (rule.fields && value && typeof value === "object") {
        value = clean(value, rule.fields);
      } else if (typeof value === "string") {
        value = value.trim();
      }
      if (!isEmpty(value)) {
        result[rule.name] = value;
      } else if (rule.keep === "nullable") {
        result[rule.name] = null;
      } else {
        delete result[rule.name];
      }
    });
    return result;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var collection = settings.collections[entry.get("collection")];
      if (!collection) return undefined;
      var data = entry.get("data");
      var cleaned = clean(data.toJS(), collection.fields);
      if (entry.get("newRecord") && typeof cleaned.title === "string") {
        cleaned.title = new NamedTitle(cleaned.title);
      }
      return data.clear().merge(cleaned);
    },
  });

  settings.preview.styles.forEach(function (url) { window.CMS.registerPreviewStyle(url); });

  var DATE = new Intl.DateTimeFormat("da-DK", {day: "numeric", month: "long", year: "numeric"});
  var MONTH = new Intl.DateTimeFormat("da-DK", {month: "long", year: "numeric"});

  function longDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) return text || "";
    return DATE.format(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12)));
  }

  function monthName(text) {
    var match = /^(\d{4})-(\d{2})$/.exec(text || "");
    if (!match) return text || "";
    return MONTH.format(new Date(Date.UTC(+match[1], +match[2] - 1, 15)));
  }

  function list(value) {
    if (value === null || value === undefined || value === "") return [];
    var items = typeof value.toJS === "function" ? value.toJS() : value;
    return Array.isArray(items) ? items : [items];
  }

  function joined(nodes) {
    var out = [];
    nodes.forEach(function (node, index) {
      if (index) out.push(", ");
      out.push(node);
    });
    return out;
  }

  function termLinks(taxonomy, names) {
    var urls = settings.preview.terms[taxonomy] || {};
    return joined(names.map(function (name) {
      return urls[name] ? h("a", {href: urls[name], key: name}, name) : name;
    }));
  }

  function fact(label, value) {
    return [h("dt", {key: label + "-dt"}, label), h("dd", {key: label + "-dd"}, value)];
  }

  function time(text) {
    return h("time", {dateTime: text}, longDate(text));
  }

  // The case page as the site renders it (templates/case.html), from the entry being edited.
  function CasePreview(props) {
    var data = props.entry.get("data");
    var get = function (name) { return data.get(name); };
    var municipalities = list(get("municipality"));
    var programmes = list(get("programmes"));
    var support = list(get("support"));
    var themes = list(get("themes"));
    var countries = list(get("partner_countries"));
    var contributors = list(get("contributors"));
    var sources = list(get("sources"));
    var period = get("period") && get("period").toJS ? get("period").toJS() : null;
    var image = get("image") ? props.getAsset(get("image")) : null;
    var byline = [get("organisation"), municipalities.join(", ")].filter(Boolean).join(" · ");
    var facts = [].concat(
      fact("Organisation", get("organisation")),
      fact(municipalities.length > 1 ? "Kommuner" : "Kommune",
           termLinks("municipality", municipalities)),
      period && period.start ? fact("Periode", monthName(period.start) +
                                    (period.end ? " – " + monthName(period.end) : "")) : [],
      programmes.length ? fact(programmes.length > 1 ? "Programmer" : "Program",
                               termLinks("programmes", programmes)) : [],
      support.length ? fact("Regional støtte", termLinks("support", support)) : [],
      themes.length ? fact("Temaer", termLinks("themes", themes)) : [],
      countries.length ? fact("Partnerlande", countries.map(function (code) {
        return settings.preview.countries[code] || code;
      }).join(", ")) : []);
    return h("div", settings.preview.palette,
      h("div", {className: "md-content"},
        h("article", {className: "md-content__inner md-typeset"},
          h("div", {className: "mik-case"},
            h("header", {className: "mik-case__header"},
              h("h1", null, get("title")),
              h("p", {className: "mik-lead"}, get("description")),
              h("p", {className: "mik-byline"}, byline, " · Udgivet ", time(get("date")),
                get("updated") ? [" · Opdateret ", time(get("updated"))] : null)),
            image ? h("figure", {className: "mik-case__image"},
              h("img", {src: image.toString(), alt: get("image_alt") || ""})) : null,
            h("aside", {className: "mik-facts", "aria-labelledby": "mik-fakta"},
              h("h2", {id: "mik-fakta"}, "Fakta"), h("dl", null, facts)),
            h("div", {className: "mik-case__body"}, props.widgetFor("body")),
            contributors.length ? h("section", {className: "mik-contributors"},
              h("h2", null, "Medvirkende"),
              h("ul", null, contributors.map(function (person, index) {
                return h("li", {key: index}, h("strong", null, person.name),
                         person.role ? ", " + person.role : null);
              }))) : null,
            sources.length ? h("section", {className: "mik-sources"},
              h("h2", null, "Kilder"),
              h("ul", null, sources.map(function (source, index) {
                return h("li", {key: index}, source.url ?
                  h("a", {href: source.url}, source.title) : source.title);
              }))) : null))));
  }

  window.CMS.registerPreviewTemplate("cases", CasePreview);

  // Names that Decap's markup lacks for screen readers: the preview frame, the Markdown
  // mode switch and the Markdown editor (its label points at no element).
  function nameUnnamed() {
    var frame = document.getElementById("preview-pane");
    if (frame && !frame.title) frame.title = "Forhåndsvisning";
    document.querySelectorAll("[class*=ToolbarToggle] [role=switch]:not([aria-label])")
      .forEach(function (toggle) { toggle.setAttribute("aria-label", "Markdown-tilstand"); });
    document.querySelectorAll("[role=textbox]:not([aria-label]):not([aria-labelledby])")
      .forEach(function (box) {
        var label = box.closest("[class*=ControlContainer]");
        label = label && label.querySelector("label");
        if (label) box.setAttribute("aria-label", label.firstChild.textContent);
      });
  }
  new MutationObserver(nameUnnamed).observe(document.body, {childList: true, subtree: true});
  window.mikSlugify = slugify;
})();
