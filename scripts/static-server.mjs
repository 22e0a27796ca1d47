// A small static file server for dist/, used by `make serve` and by the browser tests.
// It listens on 127.0.0.1 only, serves .wasm as application/wasm (so browsers can compile it while
// it downloads), and can mount the site under a sub-path to prove the app has no absolute URLs.
// Text and wasm files are sent compressed (brotli or gzip, whichever the browser accepts, as every
// real static host does), so what the browser downloads here is what users download; each file is
// compressed once and kept in memory until it changes on disk.
//
//   node scripts/static-server.mjs [--dir dist] [--port 8080] [--prefix /]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

// Types worth compressing: everything but images that are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.txt']);

/**
 * The encoding to send a file of type `extension` with, given the request's Accept-Encoding:
 * 'br', 'gzip' or null (send it as it is). A q=0 entry refuses that coding.
 */
export function chooseEncoding(acceptEncoding, extension) {
  if (!COMPRESSIBLE.has(extension)) return null;
  const accepted = new Set();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    if (name && !refused) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

const ENCODERS = {
  // Quality 11 is what static hosts use for files compressed ahead of time.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/**
 * Serves the files under `dir` at URLs below `prefix` (which starts and ends with "/").
 * Resolves to { server, url } once listening; `url` is the site's address.
 */
export async function startStaticServer({ dir = 'dist', port = 0, prefix = '/' } = {}) {
  const root = resolve(dir);
  // file path + encoding -> { mtimeMs, body }: each file is compressed once per version on disk
  // (the body is a promise, so concurrent requests share one compression).
  const compressed = new Map();
  const encode = (file, mtimeMs, body, encoding) => {
    const key = `${encoding}:${file}`;
    const cached = compressed.get(key);
    if (cached && cached.mtimeMs === mtimeMs) return cached.body;
    const encoded = ENCODERS[encoding](body);
    compressed.set(key, { mtimeMs, body: encoded });
    return encoded;
  };
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with "/": ${prefix}`);
  }

  const server = createServer(async (request, response) => {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    // Relative asset URLs resolve against the page's folder, so the site must be entered with
    // its trailing slash.
    if (path === prefix.slice(0, -1)) {
      return send(308, '', { Location: prefix });
    }
    if (!path.startsWith(prefix)) {
      return send(404, 'not found\n');
    }
    let file = resolve(root, '.' + sep + path.slice(prefix.length));
    if (file !== root && !file.startsWith(root + sep)) {
      return send(404, 'not found\n');
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const encoding = chooseEncoding(request.headers['accept-encoding'], extname(file));
      if (encoding === null) {
        return send(200, body, { 'Content-Type': type, 'Content-Length': body.length, Vary: 'Accept-Encoding' });
      }
      const encoded = await encode(file, info.mtimeMs, body, encoding);
      return send(200, encoded, {
        'Content-Type': type,
        'Content-Encoding': encoding,
        'Content-Length': encoded.length,
        Vary: 'Accept-Encoding',
      });
    } catch {
      return send(404, 'not found\n');
    }
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { server, url };
}

function parseArguments(argv) {
  const options = { dir: 'dist', port: 8080, prefix: '/' };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    if (name === '--dir') options.dir = value;
    else if (name === '--port') options.port = Number(value);
    else if (name === '--prefix') options.prefix = value;
    else throw new Error(`unknown option ${name}`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArguments(process.argv.slice(2));
  const { url } = await startStaticServer(options);
  console.log(`gomodplay: serving ${resolve(options.dir)} at ${url} (Ctrl-C stops)`);
}
