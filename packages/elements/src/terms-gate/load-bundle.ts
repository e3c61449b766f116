import { computeDigests, formatIssue, parseBundle, type BundleDigests, type TermsBundle } from '@terms-gate/bundle';
import { TermsGateError } from '../events/terms-error.ts';

export interface LoadedBundle {
  bundle: TermsBundle;
  digests: BundleDigests;
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * Fetches and validates a bundle. Every failure (network, HTTP status, content type, timeout,
 * invalid JSON, invalid bundle) becomes a `TermsGateError` that says what and where; nothing
 * half-loaded is ever returned. `signal` aborts it when `src` changes or the gate goes away.
 */
export async function fetchBundle(src: string, signal: AbortSignal, timeoutMs: number): Promise<LoadedBundle> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  let text: string;
  try {
    const response = await fetch(src, { signal: both, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) throw new TermsGateError('load', `${src}: HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!JSON_TYPE.test(type)) throw new TermsGateError('load', `${src}: expected JSON, got "${type || 'no content type'}"`);
    text = await response.text();
  } catch (error) {
    if (error instanceof TermsGateError) throw error;
    if (timeout.aborted && !signal.aborted) throw new TermsGateError('load', `${src}: no complete answer within ${timeoutMs} ms`);
    throw new TermsGateError('load', `${src}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return prepareBundle(text, src);
}

/** Validates a bundle (object or JSON text) and computes its digests. */
export async function prepareBundle(input: unknown, where = 'bundle'): Promise<LoadedBundle> {
  const result = parseBundle(input);
  if (!result.ok) {
    const issues = result.errors.map(formatIssue);
    throw new TermsGateError('invalid', `${where}: ${issues.length} problem(s): ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return { bundle: result.bundle, digests: await computeDigests(result.bundle) };
}
