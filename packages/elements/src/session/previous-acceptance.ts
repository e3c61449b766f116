import { RECEIPT_FORMAT, type Receipt } from '@terms-gate/bundle';

/** The localStorage key under which `<terms-gate remember>` keeps the last acceptance of a bundle. */
export const rememberKey = (bundleId: string) => `terms-gate:receipt:${bundleId}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` when it is an acceptance receipt of the bundle `bundleId`, else `undefined`. A stored or
 * host-given receipt decides whether the user is asked again, so anything else (another bundle's
 * receipt, a decline, a half-written entry, a value some other script left) is ignored rather than
 * trusted: only the fields the re-consent decision reads are checked, and all of them are.
 */
export function acceptanceOf(value: unknown, bundleId: string): Receipt | undefined {
  if (!isRecord(value) || value.format !== RECEIPT_FORMAT || value.outcome !== 'accept') return undefined;
  const { bundle } = value;
  if (!isRecord(bundle) || bundle.id !== bundleId || typeof bundle.digest !== 'string') return undefined;
  if (typeof bundle.version !== 'string' || !/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(bundle.version)) return undefined;
  if (typeof value.locale !== 'string' || typeof value.decidedAt !== 'string' || Number.isNaN(Date.parse(value.decidedAt))) return undefined;
  if (!Array.isArray(value.marked) || !value.marked.every((m) => isRecord(m) && typeof m.document === 'string' && typeof m.clause === 'string' && typeof m.digest === 'string')) return undefined;
  return value as unknown as Receipt;
}

/** The remembered acceptance of `bundleId`, if storage holds a valid one. Never throws (storage may be blocked). */
export function readRemembered(bundleId: string): Receipt | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(rememberKey(bundleId));
    return stored ? acceptanceOf(JSON.parse(stored), bundleId) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `receipt` as the last acceptance of its bundle. Storage may be full or blocked: then nothing is kept. */
export function remember(receipt: Receipt): void {
  try {
    globalThis.localStorage?.setItem(rememberKey(receipt.bundle.id), JSON.stringify(receipt));
  } catch {
    // Not remembered: the user is asked again next time, which is the safe side.
  }
}
