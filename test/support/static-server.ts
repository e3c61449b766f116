import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.map': 'application/json',
};

export interface Route {
  body?: string | Buffer;
  file?: string;
  type?: string;
  headers?: Record<string, string>;
  status?: number;
}

/**
 * A loopback-only static server for end-to-end tests: exact routes, plus directories mounted under
 * a prefix. `headers` apply to every response (for example a strict Content-Security-Policy).
 */
export async function serveStatic(options: { routes?: Record<string, Route>; dirs?: Record<string, string>; headers?: Record<string, string> }) {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, ...options.headers, ...extra });
      response.end(body);
    };
    const route = options.routes?.[path];
    if (route) {
      const body = route.body ?? (route.file ? await readFile(route.file) : '');
      return send(route.status ?? 200, body, route.type ?? types[extname(route.file ?? path)] ?? 'text/plain', route.headers);
    }
    for (const [prefix, dir] of Object.entries(options.dirs ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir))) break;
      try {
        return send(200, await readFile(file), types[extname(file)] ?? 'application/octet-stream');
      } catch {
        break;
      }
    }
    send(404, 'not found', 'text/plain');
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
