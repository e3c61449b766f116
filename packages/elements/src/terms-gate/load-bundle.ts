import { computeDigests, formatIssue, parseBundle, type BundleDigests, type TermsBundle } from '@terms-gate/bundle';
import { TermsGateError } from '../events/terms-error.ts';

/** How long one slice of digest work may hold the main thread. */
const DIGEST_SLICE_MS = 8;
/** How long digest work waits for idle time at most, on a page that is never idle. */
const IDLE_AT_LATEST_MS = 1000;

export interface LoadedBundle {
  bundle: TermsBundle;
  digests: LazyDigests;
}

/**
 * A bundle's digests, computed once, when first asked for. Hashing every clause of a large bundle
 * takes longer than showing it, so the gate starts them when the browser is idle after the terms
 * are loaded, and a receipt asked for sooner waits for them: no receipt ever lacks a digest.
 */
export class LazyDigests {
  #pending?: Promise<BundleDigests>;
  #urgent = false;
  /** Goes on with a slice that waits for idle time, if one does. */
  #waitingForIdle?: () => void;
  /** The digests, once computed. */
  ready?: BundleDigests;

  constructor(readonly bundle: TermsBundle) {}

  /**
   * Starts computing the digests unless already started; resolves to them. In the background they
   * go in slices of a few milliseconds in the browser's idle time, so neither the dialog's first
   * frames nor a reader who starts scrolling wait for them; once someone waits for them (`urgent`),
   * the rest go in slices one after another, starting at once even if the page is never idle.
   */
  get(urgent = true): Promise<BundleDigests> {
    if (urgent && !this.#urgent) {
      this.#urgent = true;
      const waiting = this.#waitingForIdle;
      if (waiting) setTimeout(waiting);
    }
    return (this.#pending ??= computeDigests(this.bundle, { yieldAfterMs: DIGEST_SLICE_MS, yieldTo: (resume) => this.#yieldTo(resume) }).then(
      (digests) => (this.ready = digests),
    ));
  }

  /** Starts computing the digests in the browser's idle time. */
  startWhenIdle(): void {
    whenIdle(() => void this.get(false), IDLE_AT_LATEST_MS);
  }

  #yieldTo(resume: () => void): void {
    if (this.#urgent) {
      setTimeout(resume);
      return;
    }
    // Whichever comes first, idle time or someone waiting for the digests, goes on; the other finds it done.
    const goOn = () => {
      if (this.#waitingForIdle !== goOn) return;
      this.#waitingForIdle = undefined;
      resume();
    };
    this.#waitingForIdle = goOn;
    whenIdle(goOn, IDLE_AT_LATEST_MS);
  }
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

/** Validates a bundle (object or JSON text); its digests are computed when first asked for. */
export async function prepareBundle(input: unknown, where = 'bundle'): Promise<LoadedBundle> {
  const result = parseBundle(input);
  if (!result.ok) {
    const issues = result.errors.map(formatIssue);
    throw new TermsGateError('invalid', `${where}: ${issues.length} problem(s): ${issues.slice(0, 3).join('; ')}`, issues);
  }
  return { bundle: result.bundle, digests: new LazyDigests(result.bundle) };
}

/**
 * Runs `task` when the browser is next idle, or after `latestMs` at the latest when given (soon,
 * where there is no `requestIdleCallback`).
 */
export function whenIdle(task: () => void, latestMs?: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, latestMs === undefined ? undefined : { timeout: latestMs });
  else setTimeout(task, 1);
}
