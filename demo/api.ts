import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyReceipt } from '@terms-gate/bundle/evidence';
import type { Receipt, TermsBundle } from '@terms-gate/bundle';
import type { ReceiptStorage } from './receipt-store.ts';

const MAX_BODY = 1024 * 1024;

/** Reads a JSON request body, refusing anything over 1 MB or not JSON. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'the request body is over 1 MB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request body is not JSON');
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

/**
 * The demo's back end, the loop a product builds: `POST /api/receipts` verifies a receipt against
 * the bundle it names, offline, with `verifyReceipt`, and stores it whether or not it verifies (a
 * failed check is evidence too); `GET /api/receipts` lists what is stored. Returns false for any
 * other path so the caller can serve pages.
 */
export function receiptApi(store: ReceiptStorage, bundles: Map<string, TermsBundle>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/api/receipts') return false;
    try {
      if (request.method === 'GET') {
        send(response, 200, store.list());
      } else if (request.method === 'POST') {
        const body = (await readJson(request)) as { account?: unknown; receipt?: unknown } | null;
        const receipt = body?.receipt && typeof body.receipt === 'object' ? (body.receipt as Receipt) : undefined;
        const account = typeof body?.account === 'string' ? body.account.slice(0, 320) : '';
        if (!receipt || typeof receipt !== 'object' || !account) throw new HttpError(400, 'expected { account, receipt }');
        const bundle = bundles.get(String(receipt.bundle?.id));
        if (!bundle) throw new HttpError(422, `no bundle "${String(receipt.bundle?.id)}" on this server`);
        const { ok, problems } = await verifyReceipt(bundle, receipt);
        const stored = store.add(account, receipt, { ok, problems: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) });
        send(response, ok ? 201 : 422, stored);
      } else {
        throw new HttpError(405, `${request.method} is not allowed here`);
      }
    } catch (error) {
      send(response, error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  };
}
