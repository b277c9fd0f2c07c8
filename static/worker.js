// The extraction worker: the same WebAssembly as the page, answering { id, text } with
// { id, wire, millis }, the extraction as compact bytes (src/ui/wire.rs) in a transferred
// buffer, so large articles never block the page and no JSON is built or parsed. Started by
// the app itself.
import init, { extractWire } from './article-explorer.js';

const ready = init({ module_or_path: new URL('./article-explorer_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  await ready;
  const { id, text } = event.data;
  const started = performance.now();
  const wire = extractWire(text);
  self.postMessage({ id, wire, millis: performance.now() - started }, [wire.buffer]);
};
