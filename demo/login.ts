import '../src/adapters/builtin.js';
import '../src/elements/login-choice/login-choice.js';

const log = document.querySelector<HTMLElement>('#log')!;
for (const type of ['login-select', 'login-redirect', 'login-success', 'login-error', 'logout'] as const) {
  document.addEventListener(type, (event) => {
    const detail = (event as Event & {detail: unknown}).detail;
    log.textContent += `${type} ${JSON.stringify(detail, (key, value) => (key === 'error' ? String(value) : value))}\n`;
  });
}

// The redirect path, on demand: a blocked popup is `window.open` returning null.
const blockPopups = document.querySelector<HTMLInputElement>('#block-popups')!;
const open = window.open.bind(window);
const BLOCK_KEY = 'colloquy-demo:block-popups';
blockPopups.checked = sessionStorage.getItem(BLOCK_KEY) === '1';
const applyBlocking = () => {
  window.open = blockPopups.checked ? () => null : open;
  sessionStorage.setItem(BLOCK_KEY, blockPopups.checked ? '1' : '0');
};
blockPopups.addEventListener('change', applyBlocking);
applyBlocking();
