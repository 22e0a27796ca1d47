// The static server that `make serve` and every browser test use must serve files as a real
// static host does: compressed (brotli or gzip, as the request accepts), with the headers that
// say so, and byte-identical once decompressed. The throttled cold-load benchmark
// (bench.test.mjs) depends on it, since it measures what users download.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { chooseEncoding, startStaticServer } from '../scripts/static-server.mjs';

/** GET `url` without decoding: { status, headers, body } with the bytes as they travelled. */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

let dir;
let site;
// Text that compresses well, so a compressed answer is visibly smaller than the file.
const WASM = Buffer.from('\0asm\x01\0\0\0' + 'gomodplay '.repeat(5000));
const PNG = Buffer.from('\x89PNG not really a picture '.repeat(100));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gomodplay-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>' + '<p>x</p>'.repeat(200));
  writeFileSync(join(dir, 'app_bg.wasm'), WASM);
  writeFileSync(join(dir, 'picture.png'), PNG);
  site = await startStaticServer({ dir, prefix: '/sub/' });
});
after(() => {
  site?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the encoding follows Accept-Encoding, brotli first, and never for pictures', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd', '.wasm'), 'br');
  assert.equal(chooseEncoding('gzip', '.js'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5', '.css'), 'gzip');
  assert.equal(chooseEncoding('identity', '.html'), null);
  assert.equal(chooseEncoding(undefined, '.html'), null);
  assert.equal(chooseEncoding('br, gzip', '.png'), null);
});

for (const [encoding, decode] of [
  ['br', brotliDecompressSync],
  ['gzip', gunzipSync],
]) {
  test(`wasm is sent with Content-Encoding: ${encoding} and decodes to the file`, async () => {
    const response = await rawGet(`${site.url}app_bg.wasm`, { 'Accept-Encoding': encoding });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/wasm');
    assert.equal(response.headers['content-encoding'], encoding);
    assert.equal(response.headers.vary, 'Accept-Encoding');
    assert.equal(Number(response.headers['content-length']), response.body.length);
    assert.ok(response.body.length < WASM.length / 10, `${response.body.length} B sent for ${WASM.length} B`);
    assert.deepEqual(decode(response.body), WASM);
  });
}

test('pictures, and clients that accept no compression, get the file as it is', async () => {
  const picture = await rawGet(`${site.url}picture.png`, { 'Accept-Encoding': 'br, gzip' });
  assert.equal(picture.headers['content-encoding'], undefined);
  assert.deepEqual(picture.body, PNG);
  const plain = await rawGet(`${site.url}`, { 'Accept-Encoding': 'identity' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(plain.body.toString(), /^<!doctype html>/);
});
