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
