// React 19 renders custom elements natively: props the element has are set as properties, and
// `on` + the event's name adds a listener (https://react.dev/reference/react-dom/components#custom-html-elements).
import '@terms-gate/elements/define';
import type {} from '@terms-gate/elements/types/react';
import type { TermsAcceptEvent } from '@terms-gate/elements';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

type Receipt = TermsAcceptEvent['detail']['receipt'];

function SignupForm() {
  const [receipt, setReceipt] = useState<Receipt>();
  return (
    <form aria-label="Sign up" onSubmit={(event) => event.preventDefault()}>
      <label>
        Email <input name="email" type="email" defaultValue="user@example.com" />
      </label>
      <terms-gate name="terms" required src="/terms/xiaoyi.json" onterms-accept={(event) => setReceipt(event.detail.receipt)} />
      <button>Sign up</button>
      {receipt && <output id="receipt">{receipt.bundle.digest}</output>}
    </form>
  );
}

createRoot(document.getElementById('app')!).render(<SignupForm />);
