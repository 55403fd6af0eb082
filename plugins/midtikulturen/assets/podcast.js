/* Chapter links on an episode's page move its player to the chapter and play from there. The
   links work without script too (they name the time as a media fragment). */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-mik-seek]") : null;
    var player = document.getElementById("mik-lyd");
    if (!link || !player) { return; }
    event.preventDefault();
    player.currentTime = Number(link.getAttribute("data-mik-seek"));
    var playing = player.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
    player.focus();
  });
})();
