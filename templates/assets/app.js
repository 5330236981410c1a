// Session times are printed in the edition's time zone. When the reader's own zone
// differs (and the page did not already add it from their profile), show theirs too.
document.addEventListener("DOMContentLoaded", function () {
  var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || "en";
  document.querySelectorAll("time[datetime][data-zone]").forEach(function (el) {
    if (!own || el.dataset.zone === own || el.parentElement.querySelector(".viewer-time, .muted")) return;
    var start = new Date(el.getAttribute("datetime"));
    var end = el.dataset.end ? new Date(el.dataset.end) : null;
    var day = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false };
    var clock = { hour: "2-digit", minute: "2-digit", hour12: false };
    var text = new Intl.DateTimeFormat(lang, day).format(start);
    if (end) text += "–" + new Intl.DateTimeFormat(lang, clock).format(end);
    var span = document.createElement("span");
    span.className = "viewer-time";
    span.textContent = text + " (" + own + ")";
    el.parentElement.appendChild(document.createElement("br"));
    el.parentElement.appendChild(span);
  });
});

// Uploads with a progress bar: forms marked data-upload-api send the same fields to the
// API and show how much has been sent. Without this script the forms post as usual.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.FormData || !window.XMLHttpRequest) return;
  document.querySelectorAll("form[data-upload-api]").forEach(function (form) {
    var box = form.querySelector(".upload-progress");
    var bar = box && box.querySelector("progress");
    var status = box && box.querySelector("[role=status]");
    var error = form.querySelector(".upload-error");
    var button = form.querySelector("button[type=submit]");
    function show(percent) {
      bar.value = percent;
      status.textContent = status.dataset.template.replace("{percent}", percent);
    }
    function fail(message) {
      box.hidden = true;
      button.disabled = false;
      error.textContent = message || error.dataset.failed;
      error.hidden = false;
    }
    form.addEventListener("submit", function (event) {
      if (!box || !error) return;
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      box.hidden = false;
      show(0);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.dataset.uploadApi);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) show(Math.floor((e.loaded / e.total) * 100));
      });
      xhr.addEventListener("load", function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (_) { body = null; }
        if (xhr.status >= 200 && xhr.status < 300 && body) {
          // Reload the list, scrolled to the material just saved.
          history.replaceState(null, "", location.pathname + "#material-" + body.id);
          location.reload();
          return;
        }
        var e = body && body.error;
        var field = e && e.fields && Object.keys(e.fields).map(function (k) { return e.fields[k]; })[0];
        fail(field || (e && e.message));
      });
      xhr.addEventListener("error", function () { fail(); });
      xhr.addEventListener("abort", function () { fail(); });
      xhr.send(new FormData(form));
    });
  });
});

// The attendance roster: each tap is saved through the API and the page is updated in
// place; a failed save says so and leaves the marks as they were. Without this script each
// button posts its form and the page comes back.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.fetch) return;
  var error = document.querySelector(".attendance-error");
  document.querySelectorAll("form[data-attendance-api]").forEach(function (form) {
    var clicked = null;
    form.querySelectorAll("button[name=status]").forEach(function (b) {
      b.addEventListener("click", function () { clicked = b; });
    });
    form.addEventListener("submit", function (event) {
      var button = event.submitter || clicked;
      if (!button || !error) return;
      event.preventDefault();
      form.setAttribute("aria-busy", "true");
      fetch(form.dataset.attendanceApi, {
        method: "PUT",
        credentials: "same-origin",
        // Errors come back in the page's language.
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json",
          "Accept-Language": document.documentElement.lang || "en"
        },
        body: JSON.stringify({ status: button.value })
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok || !body || !body.participant) {
            throw new Error((body && body.error && body.error.message) || "");
          }
          return body;
        });
      }).then(function (body) {
        error.hidden = true;
        form.querySelectorAll("button[name=status]").forEach(function (b) {
          var current = b.value === body.participant.status;
          b.classList.toggle("current", current);
          b.setAttribute("aria-pressed", current ? "true" : "false");
        });
        Object.keys(body.counts).forEach(function (code) {
          var el = document.querySelector("[data-count=" + code + "]");
          if (el) el.textContent = body.counts[code];
        });
      }).catch(function (e) {
        // The general sentence, with the server's reason when it gave one.
        error.textContent = error.dataset.failed + (e && e.message ? " (" + e.message + ")" : "");
        error.hidden = false;
      }).then(function () {
        form.removeAttribute("aria-busy");
      });
    });
  });
});

// The check-in screen: at each new minute, fetch the page again and swap in the new code
// (reloading the whole page when that fails).
document.addEventListener("DOMContentLoaded", function () {
  var screen = document.querySelector(".checkin-screen[data-refresh-in]");
  if (!screen || !window.fetch || !window.DOMParser) return;
  function schedule(seconds) {
    setTimeout(refresh, (Math.max(1, Number(seconds) || 60) + 1) * 1000);
  }
  function refresh() {
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector(".checkin-screen");
        if (!next) throw new Error("no screen");
        screen.innerHTML = next.innerHTML;
        schedule(next.dataset.refreshIn);
      })
      .catch(function () { location.reload(); });
  }
  schedule(screen.dataset.refreshIn);
});
