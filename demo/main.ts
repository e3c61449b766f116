import '@terms-gate/elements/define';

const form = document.querySelector<HTMLFormElement>('#signup')!;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const receipt = JSON.parse(String(new FormData(form).get('terms')));
  document.querySelector('#receipt')!.textContent = JSON.stringify(receipt, null, 2);
  document.querySelector<HTMLElement>('#result')!.hidden = false;
});
