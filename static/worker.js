// The extraction worker: the same WebAssembly as the page, answering { id, text } with
// { id, json, millis } so large articles never block the page. Started by the app itself.
import init, { extractJson } from './article-explorer.js';

const ready = init({ module_or_path: new URL('./article-explorer_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  await ready;
  const { id, text } = event.data;
  const started = performance.now();
  const json = extractJson(text);
  self.postMessage({ id, json, millis: performance.now() - started });
};
