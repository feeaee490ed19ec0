// The demo bar's color scheme and writing direction switches, added to every page's
// `nav.demo-bar` and kept across pages for the browsing session.
const root = document.documentElement;

const switches: Array<{name: string; label: string; options: Array<[string, string]>; apply(value: string): void}> = [
  {
    name: 'scheme',
    label: 'Colors',
    options: [['auto', 'System'], ['light', 'Light'], ['dark', 'Dark']],
    apply: (value) => (root.style.colorScheme = value === 'light' || value === 'dark' ? value : ''),
  },
  {
    name: 'dir',
    label: 'Direction',
    options: [['ltr', 'Left to right'], ['rtl', 'Right to left']],
    apply: (value) => (root.dir = value === 'rtl' ? 'rtl' : 'ltr'),
  },
];

const bar = document.querySelector('nav.demo-bar');
// Page-specific controls (latency, failures…) stay last.
const pageControls = bar?.querySelector('label, button') ?? null;
for (const {name, label, options, apply} of switches) {
  const key = `colloquy-demo:${name}`;
  const select = document.createElement('select');
  select.name = name;
  for (const [value, text] of options) select.add(new Option(text, value));
  select.value = sessionStorage.getItem(key) ?? options[0]![0];
  apply(select.value);
  select.addEventListener('change', () => {
    sessionStorage.setItem(key, select.value);
    apply(select.value);
  });
  const wrapper = document.createElement('label');
  wrapper.append(`${label} `, select);
  bar?.insertBefore(wrapper, pageControls);
}
