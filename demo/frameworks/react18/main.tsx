// React 18 passes everything to custom elements as string attributes and has no custom events,
// so @terms-gate/react wraps each element with @lit/react: properties as props, `onTermsAccept`.
import { TermsGate } from '@terms-gate/react';
import { useState, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

type AcceptHandler = NonNullable<ComponentProps<typeof TermsGate>['onTermsAccept']>;
type Receipt = Parameters<AcceptHandler>[0]['detail']['receipt'];

function SignupForm() {
  const [receipt, setReceipt] = useState<Receipt>();
  return (
    <form aria-label="Sign up" onSubmit={(event) => event.preventDefault()}>
      <label>
        Email <input name="email" type="email" defaultValue="user@example.com" />
      </label>
      <TermsGate name="terms" required src="/terms/xiaoyi.json" onTermsAccept={(event) => setReceipt(event.detail.receipt)} />
      <button>Sign up</button>
      {receipt && <output id="receipt">{receipt.bundle.digest}</output>}
    </form>
  );
}

createRoot(document.getElementById('app')!).render(<SignupForm />);
