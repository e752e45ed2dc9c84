import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built app, ready to answer: its bytes, gzipped when that is smaller. */
export interface AppFile {
  body: Buffer;
  gzipped: Buffer | null;
  type: string;
  etag: string;
  /** Vite names assets by their content hash: they never change under one name. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Where `npm run build:dashboard` writes the app (web/dist), from dist/ and from src/ alike. */
export const APP_DIRECTORY = join(__dirname, '..', '..', '..', 'web', 'dist');

/**
 * The built single-page app, read once at start: a few hundred kilobytes, served from memory
 * with their gzipped copies. Empty when the app is not built (the routes then say how to build it).
 */
export function loadAppFiles(directory = APP_DIRECTORY): Map<string, AppFile> {
  const files = new Map<string, AppFile>();
  if (!existsSync(join(directory, 'index.html'))) return files;
  for (const path of walk(directory)) {
    const name = relative(directory, path).split('\\').join('/');
    const type = TYPES[extname(name)];
    if (!type || name.startsWith('.')) continue;
    const body = readFileSync(path);
    const gzipped = /^(text|image\/svg|application\/json)/.test(type) ? gzipSync(body) : null;
    files.set(name, {
      body,
      gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: name.startsWith('assets/'),
    });
  }
  return files;
}

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
