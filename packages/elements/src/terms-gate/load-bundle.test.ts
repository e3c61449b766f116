import { afterEach, expect, test } from 'vitest';
import { computeDigests, formatIssue, parseBundle, type TermsBundle } from '@terms-gate/bundle';
import { expectEventually, sampleBundle } from '../test-support/gate-fixtures.ts';
import { LazyDigests } from './load-bundle.ts';

const realRequestIdleCallback = window.requestIdleCallback;
afterEach(() => {
  window.requestIdleCallback = realRequestIdleCallback;
});

/** The sample bundle with enough text that its digests take many slices of 8 ms even on a fast machine. */
function largeBundle(): TermsBundle {
  const bundle = sampleBundle();
  const document = bundle.documents[0]!;
  for (const text of [document, ...(document.translations ?? [])])
    for (let index = 0; index < 1000; index++) text.clauses.push({ id: `extra-${index}`, number: `${index}.`, body: [{ type: 'paragraph', text: ['这是一条用来增加计算量的条款。'.repeat(40)] }] });
  const parsed = parseBundle(bundle);
  if (!parsed.ok) throw new Error(`the large sample must be valid: ${parsed.errors.map(formatIssue).slice(0, 3).join('; ')}`);
  return parsed.bundle;
}

test('digests started in idle time still come when the page never gets idle again, once a receipt waits for them', async () => {
  const bundle = largeBundle();
  let idleCallbacks = 0;
  // One idle period (the start), then a page that is never idle: a busy page or a background tab.
  window.requestIdleCallback = ((run: IdleRequestCallback) => (++idleCallbacks === 1 ? realRequestIdleCallback(run) : 0)) as typeof requestIdleCallback;
  const digests = new LazyDigests(bundle);
  digests.startWhenIdle();
  // The first slice ran in the one idle period and the next waits for another.
  await expectEventually(() => idleCallbacks > 1, 'a slice waiting for idle time');
  expect(digests.ready).toBeUndefined();

  const waited = await digests.get();
  expect(waited).toEqual(await computeDigests(bundle));
  expect(digests.ready).toBe(waited);
});
