import type { LitElement } from 'lit';

/**
 * The first element matching `selector` in an element's shadow root, or undefined (also before the
 * first render). What Lit's `@query` does, without a decorator per field.
 */
export function shadowQuery<T extends Element>(host: LitElement, selector: string): T | undefined {
  return host.renderRoot?.querySelector<T>(selector) ?? undefined;
}
