// The demo bar: color scheme and writing direction switches, kept across pages.
const root = document.documentElement;

function bindSelect(name: string, apply: (value: string) => void): void {
  const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const saved = sessionStorage.getItem(`colloquy-demo:${name}`);
  if (select && saved) select.value = saved;
  apply(select?.value ?? saved ?? '');
  select?.addEventListener('change', () => {
    sessionStorage.setItem(`colloquy-demo:${name}`, select.value);
    apply(select.value);
  });
}

bindSelect('scheme', (value) => {
  root.style.colorScheme = value === 'light' || value === 'dark' ? value : '';
});
bindSelect('dir', (value) => {
  root.dir = value === 'rtl' ? 'rtl' : 'ltr';
});
