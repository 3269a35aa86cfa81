// Search as you type. The search form works without this file: it only
// fetches the same page as the person types and swaps in its results.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var form = input && input.form;
  var results = document.querySelector(".search-layout");
  if (!input || !form || !results || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var params = new URLSearchParams(new FormData(form));
      params.delete("page");
      var url = form.getAttribute("action") + "?" + params.toString();
      var mine = ++latest;
      fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html || mine !== latest) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".search-layout");
          if (fresh) {
            results.replaceWith(fresh);
            results = fresh;
            window.history.replaceState(null, "", url);
          }
        })
        .catch(function () { /* the form still works */ });
    }, 250);
  });
})();
