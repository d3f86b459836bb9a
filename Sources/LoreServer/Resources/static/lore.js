// Lore's page script: small progressive enhancements. Every page works without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Tell the server our time zone so times show locally (minutes east of UTC).
  var tz = String(-new Date().getTimezoneOffset());
  if (document.cookie.indexOf("lore_tz=" + tz) === -1) {
    document.cookie = "lore_tz=" + tz + "; path=/; max-age=31536000; samesite=lax";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var csrf = document.body.getAttribute("data-csrf") || "";

    // Highlight the current section in the side navigation.
    var path = location.pathname;
    var best = null;
    document.querySelectorAll("[data-nav]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (path === href || (href !== "/" && path.indexOf(href + "/") === 0)) {
        if (!best || href.length > best.getAttribute("href").length) best = a;
      }
    });
    if (best) best.classList.add("active");

    var toggle = document.querySelector("[data-toggle-nav]");
    if (toggle) toggle.addEventListener("click", function () { document.getElementById("sidebar").classList.toggle("open"); });

    // "/" jumps to the search box (unless the user is typing); on the results, ↑ and ↓ move between hits and
    // Enter opens one (a focused link).
    document.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        var box = document.querySelector(".global-search input");
        if (box) { e.preventDefault(); box.focus(); box.select(); }
        return;
      }
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var hits = Array.prototype.slice.call(document.querySelectorAll(".hits a"));
      if (!hits.length || (typing && document.activeElement.type !== "search")) return;
      var at = hits.indexOf(document.activeElement);
      var next = e.key === "ArrowDown" ? Math.min(at + 1, hits.length - 1) : Math.max(at - 1, 0);
      e.preventDefault();
      hits[next].focus();
    });

    // A suggested answer ("insert into reply") or a canned reply goes into the case's reply box, to edit before
    // sending.
    function insertIntoReply(text) {
      var box = document.getElementById("text");
      if (!box || !text) return;
      box.value = (box.value ? box.value.replace(/\s+$/, "") + "\n\n" : "") + text;
      box.focus();
    }
    document.querySelectorAll("[data-insert]").forEach(function (b) {
      b.addEventListener("click", function () { insertIntoReply(b.getAttribute("data-insert")); });
    });
    document.querySelectorAll("select[data-macro]").forEach(function (s) {
      s.addEventListener("change", function () { insertIntoReply(s.value); s.selectedIndex = 0; });
    });

    // Ask before archiving or deactivating.
    document.querySelectorAll("form[data-confirm]").forEach(function (f) {
      f.addEventListener("submit", function (e) { if (!confirm(f.getAttribute("data-confirm"))) e.preventDefault(); });
    });

    // Reference search boxes: suggest records from the API as the user types; the choice is sent as "Title (#id)".
    document.querySelectorAll("input[data-lookup]").forEach(function (input) {
      var list = document.getElementById(input.getAttribute("list"));
      var timer = null;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        var q = input.value.trim();
        if (q.length < 1 || /\(#\d+\)$/.test(q)) return;
        timer = setTimeout(function () {
          fetch("/api/v1/" + input.getAttribute("data-lookup") + "?limit=10&q=" + encodeURIComponent(q), { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.json() : { data: [] }; })
            .then(function (body) {
              list.innerHTML = "";
              body.data.forEach(function (rec) {
                var o = document.createElement("option");
                o.value = (rec.name || rec.title || rec.subject || rec.number || rec.sku || "") + " (#" + rec.id + ")";
                list.appendChild(o);
              });
            });
        }, 200);
      });
    });

    // Pipeline: drag a deal to another stage.
    var board = document.querySelector("[data-board]");
    if (board) {
      var dragged = null;
      board.addEventListener("dragstart", function (e) {
        var card = e.target.closest(".deal");
        if (!card) return;
        dragged = card;
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", card.getAttribute("data-id"));
      });
      board.querySelectorAll(".lane").forEach(function (lane) {
        lane.addEventListener("dragover", function (e) { if (dragged) { e.preventDefault(); lane.classList.add("drop-target"); } });
        lane.addEventListener("dragleave", function () { lane.classList.remove("drop-target"); });
        lane.addEventListener("drop", function (e) {
          e.preventDefault();
          lane.classList.remove("drop-target");
          if (!dragged) return;
          var id = dragged.getAttribute("data-id");
          var body = "_csrf=" + encodeURIComponent(csrf) + "&stage_id=" + encodeURIComponent(lane.getAttribute("data-stage"));
          fetch("/pipeline/" + id + "/stage", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" }, body: body
          }).then(function (r) { if (r.ok) location.reload(); else alert("HTTP " + r.status); });
          dragged = null;
        });
      });
    }
  });
})();

// Knowledge-base title suggestions as the user types (debounced; the server applies the reader's audience).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { data: [] }; })
          .then(function (body) {
            list.innerHTML = "";
            body.data.forEach(function (s) { var o = document.createElement("option"); o.value = s.title; list.appendChild(o); });
          })
          .catch(function () {});
      }, 150);
    });
  });
});

// A chosen file is read into the text box it names, so the form posts its contents.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[type=file][data-fill]").forEach(function (input) {
    input.addEventListener("change", function () {
      var target = document.getElementById(input.getAttribute("data-fill"));
      if (!input.files.length || !target) return;
      var reader = new FileReader();
      reader.onload = function () { target.value = reader.result; };
      reader.readAsText(input.files[0]);
    });
  });
});
