// Starts the full-page app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline scripts; URLs are relative to this file, so dist/ works from any sub-path.
import init, { useWorker, warmUp } from './article-explorer.js';

try {
  await init({ module_or_path: new URL('./article-explorer_bg.wasm', import.meta.url) });
  // Large articles are extracted in this worker, off the page's thread.
  useWorker(new URL('./worker.js', import.meta.url).href);
  // While the page is idle: the core's tables on this thread, and the worker started, so the
  // first paste is extracted by warm code.
  const idle = self.requestIdleCallback ?? ((f) => setTimeout(f, 200));
  idle(() => warmUp(), { timeout: 2000 });
} catch (err) {
  const app = document.getElementById('article-explorer-app');
  if (app) app.textContent = 'Article Explorer could not start: ' + err;
  console.error(err);
}
