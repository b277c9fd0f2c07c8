// Starts the full-page app. Kept as a file (not inline) so the Content-Security-Policy can
// forbid inline scripts; URLs are relative to this file, so dist/ works from any sub-path.
import init from './article-explorer.js';

init({ module_or_path: new URL('./article-explorer_bg.wasm', import.meta.url) }).catch((err) => {
  const app = document.getElementById('article-explorer-app');
  if (app) {
    app.textContent = 'Article Explorer could not start: ' + err;
  }
  console.error(err);
});
