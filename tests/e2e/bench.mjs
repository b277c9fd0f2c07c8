// The browser half of scripts/bench: the shipped wasm (dist/, through embed.js `extract`) in
// Debian's headless Chromium, and wink-nlp and compromise on the same text in Node (the same
// V8 engine), all in one run. Prints one JSON object on standard output.
//
//   node tests/e2e/bench.mjs ARTICLE_5KB NEWS_1MB
//
// * cold: a fresh page (new browser context, nothing cached) imports embed.js and calls
//   `extract` once on the 5 KB article: fetching, compiling and instantiating the wasm, the
//   word tables and the tagger model, and the extraction itself. Best of 3 fresh pages.
// * warm: the same page then calls `extract` on the 1 MB text; best of 3 calls, as MB/s.
// * wink-nlp (with its English lite model): `readDoc` plus the entities, sentences and tokens
//   read out; compromise: `nlp(text)` plus people, places and organisations read out. Each
//   warmed once on the 5 KB article, then timed once on the 1 MB text (they take tens of
//   seconds to minutes on it, so one run is enough to tell the ratio).
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = fileURLToPath(new URL('.', import.meta.url));
// BENCH_DIST: another build to measure (an older dist/ copied aside, to compare).
const dist = resolve(process.env.BENCH_DIST ?? resolve(here, '../../dist'));
const [small, big] = await Promise.all(process.argv.slice(2, 4).map((p) => readFile(p, 'utf8')));
const mb = (s) => Buffer.byteLength(s) / (1 << 20);
const RUNS = 3;

/** A static server for dist/ on 127.0.0.1 (a free port), with one blank page. */
function serve() {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/blank.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
      return;
    }
    const file = normalize(join(dist, path));
    try {
      if (!file.startsWith(dist)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Milliseconds of `fn()` (awaited). */
async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Cold first call and warm MB/s of the shipped wasm in Chromium. */
async function wasm(origin) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const cold = [];
    let page;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      page = await context.newPage();
      await page.goto(`${origin}/blank.html`);
      cold.push(
        await page.evaluate(async (text) => {
          const t = performance.now();
          const m = await import('/embed.js');
          const json = await m.extract(text);
          if (!Array.isArray(json.parties)) throw new Error('no extraction');
          return performance.now() - t;
        }, small),
      );
      if (run < RUNS - 1) await context.close();
    }
    const warm = [];
    for (let run = 0; run < RUNS; run++) {
      warm.push(
        await page.evaluate(async (text) => {
          const m = await import('/embed.js');
          const t = performance.now();
          await m.extract(text);
          return performance.now() - t;
        }, big),
      );
    }
    return { cold_ms: Math.min(...cold), warm_ms: Math.min(...warm) };
  } finally {
    await browser.close();
  }
}

/** The time of `fn(big)` after one warm-up call on the small article. */
async function node(fn) {
  await fn(small);
  return timed(() => fn(big));
}

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');
const nlpWink = winkNLP(winkModel);
const its = nlpWink.its;
const nlpCompromise = require('compromise');

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  const ours = await wasm(origin);
  const winkMs = await node((text) => {
    const doc = nlpWink.readDoc(text);
    return [doc.entities().out(its.detail).length, doc.sentences().length(), doc.tokens().length()];
  });
  const compromiseMs = await node((text) => {
    const doc = nlpCompromise(text);
    return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
  });
  const rate = (ms) => mb(big) / (ms / 1000);
  const result = {
    wasm_cold_5kb_ms: ours.cold_ms,
    wasm_warm_1mb_mb_s: rate(ours.warm_ms),
    wink_1mb_mb_s: rate(winkMs),
    compromise_1mb_mb_s: rate(compromiseMs),
    small_bytes: Buffer.byteLength(small),
    big_bytes: Buffer.byteLength(big),
  };
  result.ours_over_wink = result.wasm_warm_1mb_mb_s / result.wink_1mb_mb_s;
  result.ours_over_compromise = result.wasm_warm_1mb_mb_s / result.compromise_1mb_mb_s;
  console.log(JSON.stringify(result));
} finally {
  server.close();
}
