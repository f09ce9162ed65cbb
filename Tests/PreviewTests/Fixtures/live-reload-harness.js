// Runs the live-reload script (read from stdin) against a minimal stand-in for the browser APIs it uses
// (EventSource, location, document.querySelectorAll, link elements), fires events at it, and prints what
// it did as JSON. Usage: node live-reload-harness.js <version the page was served with> < script.js
const fs = require("fs");
const script = fs.readFileSync(0, "utf8");
const served = process.argv[2];

let reloads = 0;
const listeners = {};
const added = [];
globalThis.location = { href: "http://127.0.0.1:8000/timeline/", origin: "http://127.0.0.1:8000", reload() { reloads++; } };
globalThis.EventSource = class {
  constructor(url) { globalThis.eventURL = url; }
  addEventListener(name, handler) { listeners[name] = handler; }
};
class Link {
  constructor(href) { this.href = href; this.removed = false; }
  cloneNode() { return new Link(this.href); }
  after(node) { added.push(node); }
  remove() { this.removed = true; }
}
const links = [new Link("http://127.0.0.1:8000/style.css?v=1"), new Link("https://fonts.example/font.css")];
globalThis.document = { querySelectorAll() { return links; } };

(0, eval)(script);

const results = { eventURL: globalThis.eventURL };
listeners.hello({ data: served });
results.reloadsAfterCurrentHello = reloads;
listeners.css({ data: "next" });
results.addedStylesheets = added.map((link) => link.href);
added.forEach((link) => link.onload());
results.oldStylesheetRemoved = links[0].removed;
results.crossOriginStylesheetKept = !links[1].removed;
listeners.hello({ data: "next" });
results.reloadsAfterHelloWithSwappedVersion = reloads;
listeners.hello({ data: "stale" });
results.reloadsAfterStaleHello = reloads;
listeners.reload({ data: "later" });
results.reloadsAfterReloadEvent = reloads;
console.log(JSON.stringify(results));
