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
