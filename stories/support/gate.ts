import type { TermsGate } from '@terms-gate/elements';
import { userEvent } from 'storybook/test';
import { deepQuery, deepQueryAll, expectEventually, openDialog, waitForReady } from './elements.ts';

/** The first element with `part` inside `host`'s shadow tree (forwarded parts included). */
export function part<T extends HTMLElement = HTMLElement>(host: Element, name: string): T {
  return deepQuery<T>(host.shadowRoot!, `[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(host: Element, name: string): T[] {
  return deepQueryAll<T>(host.shadowRoot!, `[part~="${name}"]`);
}

/** The story's gate, once its bundle has loaded (or failed to). */
export async function readyGate(canvasElement: HTMLElement, selector = 'terms-gate'): Promise<TermsGate> {
  await expectEventually(() => !!canvasElement.querySelector(selector), `${selector} rendered`);
  const gate = canvasElement.querySelector<TermsGate>(selector)!;
  await waitForReady(gate);
  return gate;
}

/** Opens the terms the way a user does, through the document link, and waits for the dialog. */
export async function openTerms(gate: TermsGate): Promise<HTMLDialogElement> {
  await userEvent.click(part(gate, 'document-link'));
  await expectEventually(() => !!openDialog(gate.shadowRoot!), 'the terms dialog is open');
  return openDialog(gate.shadowRoot!)!;
}

/** The marked clauses shown in a gate's dialog or a viewer. */
export function markedClauses(host: Element): HTMLElement[] {
  return deepQueryAll<HTMLElement>(host.shadowRoot!, 'terms-highlight');
}

/** Events the host page sees, in order, from one element. */
export function recordEvents(target: EventTarget, types: readonly string[] = ['terms-accept', 'terms-decline', 'terms-dismiss', 'terms-explain', 'terms-error', 'terms-acknowledge']) {
  const seen: Array<{ type: string; detail: any }> = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  return { seen, types: () => seen.map((event) => event.type), last: (type: string) => seen.filter((event) => event.type === type).at(-1)?.detail };
}

/** Presses accept until it is granted or `attempts` run out; each refusal moves the reader to what is missing. */
export async function acceptWhenAllowed(gate: TermsGate, attempts = 40): Promise<void> {
  for (let attempt = 0; attempt < attempts && !gate.accepted; attempt++) {
    await userEvent.click(part(gate, 'accept'));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await expectEventually(() => gate.accepted, 'the terms are accepted');
}
