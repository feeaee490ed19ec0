import '../src/adapters/builtin.js';
import '../src/elements/login-choice/login-choice.js';

const log = document.querySelector<HTMLElement>('.event-log')!;
for (const type of ['login-select', 'login-redirect', 'login-success', 'login-error', 'login-logout'] as const) {
  document.addEventListener(type, (event) => {
    // Every event of Colloquy carries its payload as typed fields of the event object.
    const payload = Object.fromEntries(Object.entries(event));
    log.textContent += `${type} ${JSON.stringify(payload, (key, value: unknown) => (key === 'error' ? String(value) : value))}\n`;
  });
}

// A blocked popup is `window.open` returning null; the switch lasts for the tab's session.
const BLOCK_KEY = 'colloquy-demo:block-popups';
const blockPopups = document.querySelector<HTMLInputElement>('input[name="block-popups"]')!;
const open = window.open.bind(window);
const applyBlocking = () => {
  window.open = blockPopups.checked ? () => null : open;
  sessionStorage.setItem(BLOCK_KEY, blockPopups.checked ? '1' : '0');
};
blockPopups.checked = sessionStorage.getItem(BLOCK_KEY) === '1';
blockPopups.addEventListener('change', applyBlocking);
applyBlocking();
