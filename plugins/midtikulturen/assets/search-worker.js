/* Material's search worker, with every query word also searched as its Danish stem.

   Material appends a wildcard to each query word ("kulturhusene" becomes "kulturhusene*"),
   and Lunr skips the query pipeline for wildcard words, so with the Danish stemmer in the
   index pipeline an inflected word never meets its stem. This worker adds the stem of each
   word to the query before Material's own worker (loaded below, named in the query string)
   sees it. It lives beside Material's worker, whose language files are found relative to it. */
"use strict";

var QUERY = 2;
var PLAIN = /^[^"+\-~^*:]+$/;

function expand(query) {
  var words = query.split(/\s+/).filter(Boolean);
  var extra = [];
  if (!self.lunr || !self.lunr.da || query.indexOf('"') !== -1) { return query; }
  words.forEach(function (word) {
    if (!PLAIN.test(word)) { return; }
    var lower = word.toLowerCase();
    var stem = String(self.lunr.da.stemmer(lower));
    if (stem.length >= 3 && stem !== lower && extra.indexOf(stem) === -1) { extra.push(stem); }
  });
  return words.concat(extra).join(" ");
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === QUERY && typeof message.data === "string") {
    message.data = expand(message.data);
  }
});

importScripts(decodeURIComponent(self.location.search.slice(1)));
