// A LibreTranslate-compatible server for end-to-end tests, backed by a real Apertium APy.
//
// It speaks LibreTranslate's documented wire format (POST /translate, GET /languages,
// GET /frontend/settings, `{error}` bodies with LibreTranslate's statuses and messages, open CORS)
// so the app's LibreTranslate provider can be tested in a browser without installing
// LibreTranslate and its models. Translations are real: texts are packed into APy requests as
// `<p>` blocks, so an answer is exactly what APy makes of the text. Faults (429s, 500s, wrong
// counts, empty items, a rejected key, slow answers) can be switched on at start or mid-test.
//
// Library:  const lt = await startLibreTranslateServer({ apyUrl, apiKey, faults });
// CLI:      node tests/servers/libretranslate-server.mjs --port 5000 --apy http://localhost:2737
//             [--api-key KEY] [--char-limit 5000] [--batch-limit N]
//
// Node builtins only.

import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DEFAULT_APY_URL = 'http://localhost:2737';

// LibreTranslate speaks two-letter codes where they exist; APy speaks ISO 639-3. Languages not in
// this table keep their APy code, which is what LibreTranslate does for languages without one.
const LANGUAGES = {
  eng: ['en', 'English'],
  spa: ['es', 'Spanish'],
  cat: ['ca', 'Catalan'],
  fra: ['fr', 'French'],
  por: ['pt', 'Portuguese'],
  ita: ['it', 'Italian'],
  deu: ['de', 'German'],
  nld: ['nl', 'Dutch'],
  glg: ['gl', 'Galician'],
  eus: ['eu', 'Basque'],
  oci: ['oc', 'Occitan'],
  ron: ['ro', 'Romanian'],
  epo: ['eo', 'Esperanto'],
  swe: ['sv', 'Swedish'],
  dan: ['da', 'Danish'],
  nob: ['nb', 'Norwegian Bokmål'],
  nno: ['nn', 'Norwegian Nynorsk'],
  isl: ['is', 'Icelandic'],
  rus: ['ru', 'Russian'],
  ukr: ['uk', 'Ukrainian'],
  bel: ['be', 'Belarusian'],
  pol: ['pl', 'Polish'],
  ces: ['cs', 'Czech'],
  slk: ['sk', 'Slovak'],
  hbs: ['sh', 'Serbo-Croatian'],
  bul: ['bg', 'Bulgarian'],
  mkd: ['mk', 'Macedonian'],
  ara: ['ar', 'Arabic'],
  mlt: ['mt', 'Maltese'],
  kaz: ['kk', 'Kazakh'],
  tat: ['tt', 'Tatar'],
  urd: ['ur', 'Urdu'],
  hin: ['hi', 'Hindi'],
};

// Words common in running text and rare elsewhere, for `source: "auto"`. The Debian APy answers
// /identifyLang with `{}`, so detection cannot be delegated to it.
const MARKERS = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'was', 'for', 'it', 'this', 'are'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'es', 'por', 'con', 'una', 'para', 'se'],
  ca: ['els', 'les', 'del', 'que', 'i', 'és', 'per', 'amb', 'una', 'al', 'va', 'dels'],
  fr: ['le', 'les', 'des', 'et', 'est', 'que', 'une', 'dans', 'pour', 'pas', 'sur', 'du'],
  pt: ['os', 'as', 'do', 'da', 'que', 'e', 'é', 'não', 'uma', 'com', 'para', 'em'],
};

/** Texts per APy request stay near the size the reader uses, far below APy's truncation point. */
const APY_CHUNK_CHARS = 4000;
const APY_CONCURRENCY = 2;
const MAX_BODY_BYTES = 8 * 1024 * 1024;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body) => {
    const lower = body.toLowerCase();
    let code = null;
    if (lower.startsWith('#x')) code = Number.parseInt(lower.slice(2), 16);
    else if (lower.startsWith('#')) code = Number.parseInt(lower.slice(1), 10);
    else return ENTITIES[lower] ?? whole;
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : whole;
  });
}

/** Groups texts in order into runs of at most `limit` characters (a longer text goes alone). */
function chunk(texts, limit) {
  const chunks = [];
  let current = [];
  let size = 0;
  for (const text of texts) {
    if (current.length > 0 && size + text.length > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
async function mapLimited(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

function createApyClient(apyUrl) {
  const base = apyUrl.replace(/\/+$/, '');
  let languages = null;

  async function call(path, init) {
    let response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new HttpError(
        500,
        `Cannot translate text: the engine is unreachable (${error.message})`,
      );
    }
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // reported below
    }
    if (!response.ok || json === null) {
      const why = json?.explanation ?? json?.message ?? `HTTP ${response.status}`;
      throw new HttpError(500, `Cannot translate text: ${why}`);
    }
    return json;
  }

  /** LibreTranslate's language list, built from APy's pairs (variants such as cat_valencia left out). */
  async function loadLanguages() {
    const json = await call('/listPairs');
    const byCode = new Map();
    for (const pair of json.responseData ?? []) {
      const { sourceLanguage: from, targetLanguage: to } = pair;
      if (typeof from !== 'string' || typeof to !== 'string') continue;
      if (from.includes('_') || to.includes('_')) continue;
      const [code, name] = LANGUAGES[from] ?? [from, from];
      const [target] = LANGUAGES[to] ?? [to];
      const entry = byCode.get(code) ?? { code, name, apy: from, targets: new Map() };
      entry.targets.set(target, to);
      byCode.set(code, entry);
      if (!byCode.has(target)) {
        const [, targetName] = LANGUAGES[to] ?? [to, to];
        byCode.set(target, { code: target, name: targetName, apy: to, targets: new Map() });
      }
    }
    return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  return {
    /** Cached after the first success; a failure is retried on the next call. */
    languages() {
      languages ??= loadLanguages().catch((error) => {
        languages = null;
        throw error;
      });
      return languages;
    },

    /** Plain texts, many per APy request as `<p>` blocks, split back and unescaped. */
    async translateTexts(texts, langpair) {
      const chunks = chunk(texts, APY_CHUNK_CHARS);
      const answers = await mapLimited(chunks, APY_CONCURRENCY, async (group) => {
        const body = new URLSearchParams({
          langpair,
          q: group.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
          format: 'html',
          markUnknown: 'no',
        });
        const json = await call('/translate', { method: 'POST', body });
        const html = json.responseData?.translatedText;
        if (typeof html !== 'string') {
          throw new HttpError(500, 'Cannot translate text: the engine answered without text');
        }
        const parts = [...html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p\s*>/gi)].map((match) =>
          unescapeHtml((match[1] ?? '').replace(/<[^>]*>/g, '')).trim(),
        );
        if (parts.length !== group.length) {
          // APy drops input past its internal chunk limit without saying so.
          throw new HttpError(
            500,
            `Cannot translate text: the engine answered ${parts.length} paragraphs for ${group.length}`,
          );
        }
        return parts;
      });
      return answers.flat();
    },

    /** One HTML document per request: APy keeps the markup and translates the text around it. */
    async translateHtml(documents, langpair) {
      return mapLimited(documents, APY_CONCURRENCY, async (html) => {
        const body = new URLSearchParams({ langpair, q: html, format: 'html', markUnknown: 'no' });
        const json = await call('/translate', { method: 'POST', body });
        const text = json.responseData?.translatedText;
        if (typeof text !== 'string') {
          throw new HttpError(500, 'Cannot translate text: the engine answered without text');
        }
        return text;
      });
    },
  };
}

function detect(text, codes) {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  // With no evidence, English: what most texts sent to a test server are.
  let best = { language: codes.includes('en') ? 'en' : (codes[0] ?? 'en'), score: 0 };
  for (const code of codes) {
    const markers = MARKERS[code];
    if (!markers) continue;
    const score = words.filter((word) => markers.includes(word)).length;
    if (score > best.score) best = { language: code, score };
  }
  const confidence = words.length === 0 ? 0 : Math.min(100, (200 * best.score) / words.length);
  return { confidence: Math.round(confidence * 10) / 10, language: best.language };
}

function readBody(request) {
  return new Promise((done, fail) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        fail(new HttpError(400, 'Invalid request: the body is too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** The request's parameters as LibreTranslate reads them: a JSON object, or form and query values. */
async function readParams(request, url) {
  const raw = await readBody(request);
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) {
    let json;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpError(400, 'Invalid JSON format');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new HttpError(400, 'Invalid JSON format');
    }
    return { json: true, params: json };
  }
  const params = {};
  for (const [key, value] of url.searchParams) params[key] ??= value;
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    for (const [key, value] of new URLSearchParams(raw)) params[key] ??= value;
  }
  return { json: false, params };
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Starts the server. `port: 0` picks a free port. `apiKey` makes a key required: a missing key is
 * a 400, a wrong one a 403, as LibreTranslate answers with its key database on.
 */
export async function startLibreTranslateServer({
  port = 0,
  host = '127.0.0.1',
  apyUrl = DEFAULT_APY_URL,
  apiKey = null,
  faults = {},
  charLimit = 5000,
  batchLimit = -1,
  log = null,
} = {}) {
  const apy = createApyClient(apyUrl);
  const requests = [];
  // Fault counters start over whenever the faults change, so "the first n calls" means the first
  // n after they were set.
  let active = { ...faults };
  let counts = { rateLimited: 0, failed: 0 };

  async function translate(request, response, url) {
    const record = {
      time: Date.now(),
      texts: 0,
      characters: 0,
      apiKey: false,
      source: null,
      target: null,
      format: null,
      status: null,
      ms: null,
    };
    requests.push(record);
    const started = performance.now();
    const finish = (status, body) => {
      record.status = status;
      record.ms = Math.round(performance.now() - started);
      // The key's value is never written anywhere, only whether one came.
      log?.(
        `POST /translate ${status} texts=${record.texts} chars=${record.characters} key=${record.apiKey ? 'yes' : 'no'} ${record.ms} ms`,
      );
      send(response, status, body);
    };

    try {
      const { json, params } = await readParams(request, url);
      let { q } = params;
      const { source, target } = params;
      const key =
        typeof params.api_key === 'string' && params.api_key !== '' ? params.api_key : null;
      record.apiKey = key !== null;
      record.source = typeof source === 'string' ? source : null;
      record.target = typeof target === 'string' ? target : null;
      if (Array.isArray(q)) {
        record.texts = q.length;
        record.characters = q.reduce((sum, text) => sum + String(text).length, 0);
      } else if (typeof q === 'string') {
        record.texts = 1;
        record.characters = q.length;
      }

      const faultNow = active;
      if (faultNow.delayMs) await sleep(faultNow.delayMs);
      if (faultNow.badKey) throw new HttpError(403, 'Invalid API key');
      if (counts.rateLimited < (faultNow.rateLimitFirst ?? 0)) {
        counts.rateLimited++;
        throw new HttpError(429, 'Slowdown: 1 per 1 minute');
      }
      if (counts.failed < (faultNow.status500 ?? 0)) {
        counts.failed++;
        throw new HttpError(500, 'Cannot translate text: the translation model crashed');
      }

      if (apiKey !== null) {
        if (key !== null && key !== apiKey) throw new HttpError(403, 'Invalid API key');
        if (key === null) {
          throw new HttpError(400, 'Please contact the server operator to get an API key');
        }
      }

      const missing = (name) => new HttpError(400, `Invalid request: missing ${name} parameter`);
      if (!q || (Array.isArray(q) && q.length === 0)) throw missing('q');
      if (!source) throw missing('source');
      if (!target) throw missing('target');
      const batch = Array.isArray(q);
      if (batch ? !q.every((text) => typeof text === 'string') : typeof q !== 'string') {
        throw new HttpError(400, 'Invalid request: q must be a string or a list of strings');
      }
      // Form bodies get their line endings normalised before the limit is counted.
      if (!json) q = q.split(/\r\n|\r/).join('\n');
      const texts = batch ? q : [q];
      if (batch && batchLimit !== -1 && texts.length > batchLimit) {
        throw new HttpError(
          400,
          `Invalid request: request (${texts.length}) exceeds text limit (${batchLimit})`,
        );
      }
      const characters = texts.reduce((sum, text) => sum + text.length, 0);
      if (charLimit !== -1 && characters > charLimit) {
        throw new HttpError(
          400,
          `Invalid request: request (${characters}) exceeds text limit (${charLimit})`,
        );
      }

      const languages = await apy.languages();
      const byCode = new Map(languages.map((language) => [language.code, language]));
      const sources = languages.filter((l) => l.targets.size > 0).map((l) => l.code);
      const detected =
        source === 'auto'
          ? texts.map((text) => detect(text, sources))
          : texts.map(() => ({ confidence: 100, language: source }));
      for (const { language } of detected) {
        if (!byCode.has(language)) throw new HttpError(400, `${language} is not supported`);
      }
      const to = byCode.get(target);
      if (!to) throw new HttpError(400, `${target} is not supported`);
      const format = params.format || 'text';
      record.format = format;
      if (format !== 'text' && format !== 'html') {
        throw new HttpError(400, `${format} format is not supported`);
      }

      // Texts go to APy grouped by their (possibly detected) source language, in order.
      const translations = new Array(texts.length).fill('');
      const groups = new Map();
      texts.forEach((text, index) => {
        if (text.trim() === '') return;
        const from = byCode.get(detected[index].language);
        const apyTarget = from.targets.get(to.code);
        if (!apyTarget) {
          throw new HttpError(
            400,
            `${to.name} (${to.code}) is not available as a target language from ${from.name} (${from.code})`,
          );
        }
        const langpair = `${from.apy}|${apyTarget}`;
        const group = groups.get(langpair) ?? [];
        group.push(index);
        groups.set(langpair, group);
      });
      for (const [langpair, indices] of groups) {
        const inputs = indices.map((index) => texts[index]);
        const outputs =
          format === 'html'
            ? // LibreTranslate unescapes its HTML output, so `&lt;b&gt;` can come back as `<b>`.
              (await apy.translateHtml(inputs, langpair)).map(unescapeHtml)
            : await apy.translateTexts(inputs, langpair);
        indices.forEach((index, i) => (translations[index] = outputs[i]));
      }

      let answer = faultNow.emptyItems ? translations.map(() => '') : translations;
      if (faultNow.wrongCount && batch) answer = answer.slice(0, -1);
      const body = { translatedText: batch ? answer : answer[0] };
      if (source === 'auto') body.detectedLanguage = batch ? detected : detected[0];
      finish(200, body);
    } catch (error) {
      if (error instanceof HttpError) finish(error.status, { error: error.message });
      else finish(500, { error: `Cannot translate text: ${error.message}` });
    }
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Open CORS on every answer, errors included, so the browser shows the app the real status.
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    response.setHeader('Access-Control-Max-Age', '600');

    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    try {
      if (path === '/translate') {
        if (request.method !== 'POST') throw new HttpError(405, 'Method Not Allowed');
        await translate(request, response, url);
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        throw new HttpError(405, 'Method Not Allowed');
      }
      if (path === '/languages') {
        const languages = await apy.languages();
        send(
          response,
          200,
          languages.map(({ code, name, targets }) => ({
            code,
            name,
            targets: [...targets.keys()],
          })),
        );
        return;
      }
      if (path === '/frontend/settings') {
        const languages = await apy.languages().catch(() => []);
        const first = languages.find((l) => l.code === 'en') ?? languages[0];
        const second = languages.find((l) => l.code === 'es') ?? languages[1] ?? first;
        send(response, 200, {
          charLimit,
          frontendTimeout: 500,
          apiKeys: apiKey !== null,
          keyRequired: apiKey !== null,
          suggestions: false,
          filesTranslation: false,
          supportedFilesFormat: [],
          language: {
            source: first ? { code: first.code, name: first.name } : { code: 'auto', name: 'Auto' },
            target: second
              ? { code: second.code, name: second.name }
              : { code: 'en', name: 'English' },
          },
        });
        return;
      }
      throw new HttpError(404, 'Not Found');
    } catch (error) {
      if (response.headersSent) return;
      if (error instanceof HttpError) send(response, error.status, { error: error.message });
      else send(response, 500, { error: error.message });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address();
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;

  let closing = null;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    requests,
    setFaults(next = {}) {
      active = { ...next };
      counts = { rateLimited: 0, failed: 0 };
    },
    close() {
      closing ??= new Promise((done) => {
        server.close(() => done());
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5000' },
      host: { type: 'string', default: '127.0.0.1' },
      apy: { type: 'string', default: process.env.APY_URL ?? DEFAULT_APY_URL },
      'api-key': { type: 'string' },
      'char-limit': { type: 'string', default: '5000' },
      'batch-limit': { type: 'string', default: '-1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node tests/servers/libretranslate-server.mjs [--port 5000] [--host 127.0.0.1]\n' +
        '         [--apy http://localhost:2737] [--api-key KEY] [--char-limit 5000] [--batch-limit N]',
    );
    return;
  }
  const server = await startLibreTranslateServer({
    port: Number(values.port),
    host: values.host,
    apyUrl: values.apy,
    apiKey: values['api-key'] ?? null,
    charLimit: Number(values['char-limit']),
    batchLimit: Number(values['batch-limit']),
    log: (line) => console.log(line),
  });
  console.log(`LibreTranslate-compatible server at ${server.url} (APy: ${values.apy})`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
