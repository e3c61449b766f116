import '@terms-gate/elements/define';
import type { Receipt } from '@terms-gate/bundle';
import { describeReceipt } from './receipt-view.ts';

const form = document.querySelector<HTMLFormElement>('#signup')!;
const gate = document.querySelector('terms-gate')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;

/** Page words follow the language too; the gate follows `<html lang>` by itself. */
function applyLanguage(lang: string) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  const english = !lang.startsWith('zh');
  for (const element of document.querySelectorAll<HTMLElement>('[data-zh]')) element.textContent = (english ? element.dataset.en : element.dataset.zh) ?? '';
}

language.addEventListener('change', () => applyLanguage(language.value));
theme.addEventListener('change', () => {
  const value = theme.value;
  gate.setAttribute('theme', value === 'brand' ? 'light' : value);
  document.body.classList.toggle('brand', value === 'brand');
  document.body.classList.toggle('dark', value === 'dark');
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const receipt = JSON.parse(String(new FormData(form).get('terms'))) as Receipt;
  const english = !document.documentElement.lang.startsWith('zh');
  const summary = document.querySelector('#summary')!;
  summary.replaceChildren(
    ...describeReceipt(receipt, english).flatMap(([term, value]) => [Object.assign(document.createElement('dt'), { textContent: term }), Object.assign(document.createElement('dd'), { textContent: value })]),
  );
  document.querySelector('#receipt')!.textContent = JSON.stringify(receipt, null, 2);
  document.querySelector<HTMLElement>('#result')!.hidden = false;
  const status = document.querySelector('#verification')!;
  status.textContent = english ? 'Sending the receipt to the server…' : '正在把凭证发送到服务器…';
  try {
    const response = await fetch('./api/receipts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: String(new FormData(form).get('email')), receipt }),
    });
    const stored = (await response.json()) as { id?: number; verified?: boolean; problems?: string[]; error?: string };
    status.textContent = stored.verified
      ? english
        ? `The server verified the receipt against the terms and stored it as #${stored.id}.`
        : `服务器已根据条款验证此凭证，并保存为第 ${stored.id} 号。`
      : `${english ? 'The server could not verify the receipt' : '服务器未能验证此凭证'}: ${stored.error ?? stored.problems?.join('; ')}`;
    status.setAttribute('data-verified', String(!!stored.verified));
  } catch (error) {
    status.textContent = `${english ? 'The receipt could not be sent' : '凭证发送失败'}: ${String(error)}`;
  }
});
