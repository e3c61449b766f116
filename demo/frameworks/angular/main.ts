// Angular compiled just in time in the browser (@angular/compiler), so a plain Vite build is enough;
// an Angular CLI app uses the same component. CUSTOM_ELEMENTS_SCHEMA lets the template use
// <terms-gate>, and `(terms-accept)` listens for the DOM event.
import '@angular/compiler';
import '@terms-gate/elements/define';
import type { TermsAcceptEvent } from '@terms-gate/elements';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'signup-form',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <form aria-label="Sign up" (submit)="$event.preventDefault()">
      <label>Email <input name="email" type="email" value="user@example.com" /></label>
      <terms-gate name="terms" required src="/terms/xiaoyi.json" (terms-accept)="accepted($event)"></terms-gate>
      <button>Sign up</button>
      @if (receipt(); as receipt) {
        <output id="receipt">{{ receipt.bundle.digest }}</output>
      }
    </form>
  `,
})
class SignupForm {
  readonly receipt = signal<TermsAcceptEvent['detail']['receipt'] | undefined>(undefined);

  accepted(event: Event) {
    this.receipt.set((event as TermsAcceptEvent).detail.receipt);
  }
}

await bootstrapApplication(SignupForm, { providers: [provideZonelessChangeDetection()] });
