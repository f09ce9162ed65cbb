// Optional enhancement for the timeline page: a "Show events with" menu that narrows the list in place.
// Without JavaScript the same narrowing is a link to each profile, which lists that person's events.
// Its words come from the .narrow section's data- attributes (the page's language), English without them.
(function () {
  "use strict";
  var narrow = document.querySelector(".narrow");
  var timeline = document.getElementById("events");
  var status = document.getElementById("filter-status");
  if (!narrow || !timeline || !status || !document.createElement("select").addEventListener) return;

  function words(name, fallback) {
    var text = narrow.getAttribute("data-" + name);
    return text === null ? fallback : text;
  }
  var events = timeline.querySelectorAll(".event");
  var years = timeline.querySelectorAll(".year");
  var gaps = timeline.querySelectorAll(".year-gap");
  var field = document.createElement("p");
  field.className = "narrow__field";
  var label = document.createElement("label");
  label.htmlFor = "narrow-select";
  label.textContent = words("label", "Or narrow this page to events with ");
  var select = document.createElement("select");
  select.id = "narrow-select";
  select.appendChild(new Option(words("everyone", "everyone"), ""));
  narrow.querySelectorAll(".narrow__list").forEach(function (list) {
    var group = document.createElement("optgroup");
    var heading = list.previousElementSibling;
    group.label = heading ? heading.textContent : "";
    list.querySelectorAll("a[data-key]").forEach(function (a) {
      group.appendChild(new Option(a.firstChild.textContent.trim(), a.getAttribute("data-key")));
    });
    select.appendChild(group);
  });
  field.appendChild(label);
  field.appendChild(select);
  var intro = narrow.querySelector(".narrow__intro");
  narrow.insertBefore(field, intro ? intro.nextSibling : null);
  narrow.insertBefore(status, field.nextSibling);

  function apply(key) {
    var shown = 0;
    events.forEach(function (li) {
      var keys = " " + (li.getAttribute("data-refs") || "") + " ";
      var match = !key || keys.indexOf(" " + key + " ") !== -1;
      li.hidden = !match;
      if (match) shown += 1;
    });
    years.forEach(function (section) {
      section.hidden = section.querySelector(".event:not([hidden])") === null;
    });
    gaps.forEach(function (gap) { gap.hidden = Boolean(key); });
    if (!key) {
      status.hidden = true;
      status.textContent = "";
      return;
    }
    var name = select.options[select.selectedIndex].text;
    var line = shown === 1 ? words("showing-one", "Showing {count} event with {name}. ")
                           : words("showing-other", "Showing {count} events with {name}. ");
    status.textContent = line.replace("{count}", String(shown)).replace("{name}", function () { return name; });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = words("show-all", "Show all events");
    reset.addEventListener("click", function () {
      select.value = "";
      apply("");
      select.focus();
    });
    status.appendChild(reset);
    status.hidden = false;
  }
  select.addEventListener("change", function () { apply(select.value); });
})();
