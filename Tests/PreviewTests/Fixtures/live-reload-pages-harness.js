// Runs the live-reload script (read from stdin) as the page `timeline/a/index.html`, against stand-ins for
// the browser APIs its `pages` handler uses (EventSource, location, fetch, DOMParser, performance, scrolling),
// sends it `pages` events and prints what it did as JSON. Usage: node live-reload-pages-harness.js < script.js
const fs = require("fs");
const script = fs.readFileSync(0, "utf8");

const state = { reloads: 0, fetches: [], scrolledTo: null };
const listeners = {};
globalThis.window = globalThis;
globalThis.location = { href: "http://127.0.0.1:8000/sub/timeline/a/#notes", origin: "http://127.0.0.1:8000",
  reload() { state.reloads++; } };
globalThis.EventSource = class { constructor() {} addEventListener(name, handler) { listeners[name] = handler; } };
globalThis.performance = { getEntriesByType(type) {
  return type === "resource" ? [{ name: "http://127.0.0.1:8000/sub/style.css?v=2" }, { name: "http://127.0.0.1:8000/sub/img/a.png" }] : [];
} };
window.scrollX = 0;
window.scrollY = 1200;
window.scrollTo = (options) => { state.scrolledTo = [String(options.left), String(options.top), options.behavior]; };

// A <main> is an object with its inner text; swapping replaces the one the document holds.
let main = { text: "old body", replaceWith(node) { main = node; } };
globalThis.document = { querySelector(selector) { return selector === "main" ? main : null; },
  importNode(node) { return { text: node.text, imported: true, replaceWith(next) { main = next; } }; } };
globalThis.DOMParser = class { parseFromString(html) {
  const match = /<main>([\s\S]*)<\/main>/.exec(html);
  return { querySelector(selector) { return selector === "main" && match ? { text: match[1] } : null; } };
} };
let served = "<html><head></head><body><main>new body</main></body></html>";
globalThis.fetch = (url, options) => {
  state.fetches.push([url, options.cache]);
  return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(served) });
};

(0, eval)(script);
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const send = (update) => listeners.pages({ data: JSON.stringify(Object.assign({ swap: [], reload: [], assets: [] }, update)) });

(async () => {
  const results = {};
  send({ version: "v-2", swap: ["timeline/b/index.html"], reload: ["index.html"], assets: ["img/b.png", "app.js", "a.png"] });
  await settle();
  listeners.hello({ data: "v-2" });
  results.unlisted = { reloads: state.reloads, fetches: state.fetches.length, main: main.text };

  send({ version: "v-3", swap: ["timeline/a/index.html"] });
  await settle();
  listeners.hello({ data: "v-3" });
  results.swapped = { reloads: state.reloads, fetches: state.fetches.slice(), main: main.text, imported: main.imported === true,
    scrolledTo: state.scrolledTo };

  send({ version: "v-4", reload: ["timeline/a/index.html"] });
  await settle();
  results.reloadsWhenListed = state.reloads;

  send({ version: "v-5", assets: ["img/a.png"] });
  await settle();
  results.reloadsWhenAnAssetItLoadedChanged = state.reloads;

  served = "<html><body><p>no main here</p></body></html>";
  send({ version: "v-6", swap: ["timeline/a/index.html"] });
  await settle();
  results.reloadsWhenTheNewPageHasNoMain = state.reloads;
  console.log(JSON.stringify(results));
})();
