// The demo bar's color scheme and language switches, added to every page's
// `nav.demo-bar` and kept across pages for the browsing session. Colloquy follows the
// page's <html lang>, as a page using the script-tag build does.
import {directionOf, followPageLanguage, sourceLocale, targetLocales} from '../src/localization.js';

const root = document.documentElement;

interface Switch {
  name: string;
  label: string;
  /** Value, text, and the language the text is in. */
  options: Array<[string, string, string?]>;
  apply(value: string): void;
}

/** "Deutsch", "日本語", "中文（繁體）": a language's name in that language. */
function autonym(locale: string): string {
  const name = new Intl.DisplayNames([locale], {type: 'language'}).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

const switches: Switch[] = [
  {
    name: 'scheme',
    label: 'Colors',
    options: [['auto', 'System'], ['light', 'Light'], ['dark', 'Dark']],
    apply: (value) => (root.style.colorScheme = value === 'light' || value === 'dark' ? value : ''),
  },
  {
    name: 'language',
    label: 'Language',
    // Every language Colloquy ships, each named in itself.
    options: [sourceLocale, ...targetLocales].map((locale) => [locale, autonym(locale), locale]),
    apply: (value) => {
      root.lang = value;
      root.dir = directionOf(value);
    },
  },
];

const bar = document.querySelector('nav.demo-bar');
// Page-specific controls (latency, failures…) stay last.
const pageControls = bar?.querySelector('label, button') ?? null;
for (const {name, label, options, apply} of switches) {
  const key = `colloquy-demo:${name}`;
  const select = document.createElement('select');
  select.name = name;
  for (const [value, text, lang] of options) {
    const option = new Option(text, value);
    if (lang) option.lang = lang;
    select.add(option);
  }
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

followPageLanguage();
