// Backends hand out text with HTML character references in it: WordPress error messages
// ("you&#8217;ve already said that"), author names, post titles; the sanitizer's plain-text
// fallback meets them too. Shown as text they must read as the characters they stand for,
// and they must never be parsed as HTML to get there: a small decoder does it.

/** Names for U+00A0…U+00FF, in code point order (HTML's Latin-1 entities). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED = new Map<string, number>([
  ['amp', 38], ['lt', 60], ['gt', 62], ['quot', 34], ['apos', 39],
  ['OElig', 338], ['oelig', 339], ['Scaron', 352], ['scaron', 353], ['Yuml', 376], ['fnof', 402],
  ['circ', 710], ['tilde', 732], ['ensp', 8194], ['emsp', 8195], ['thinsp', 8201], ['zwnj', 8204],
  ['zwj', 8205], ['lrm', 8206], ['rlm', 8207], ['ndash', 8211], ['mdash', 8212], ['lsquo', 8216],
  ['rsquo', 8217], ['sbquo', 8218], ['ldquo', 8220], ['rdquo', 8221], ['bdquo', 8222], ['dagger', 8224],
  ['Dagger', 8225], ['bull', 8226], ['hellip', 8230], ['permil', 8240], ['prime', 8242], ['Prime', 8243],
  ['lsaquo', 8249], ['rsaquo', 8250], ['oline', 8254], ['frasl', 8260], ['euro', 8364], ['trade', 8482],
  ['larr', 8592], ['uarr', 8593], ['rarr', 8594], ['darr', 8595], ['harr', 8596], ['minus', 8722],
  ['infin', 8734], ['ne', 8800], ['le', 8804], ['ge', 8805], ['hearts', 9829],
  ...LATIN1.split(' ').map((name, index): [string, number] => [name, 0xa0 + index]),
]);

/**
 * What HTML makes of numeric references to C1 controls: the windows-1252 characters
 * (https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state).
 */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc,
  0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

/**
 * Replaces named (`&rsquo;`) and numeric (`&#8217;`, `&#x2019;`) character references
 * with their characters, in one pass, so `&amp;lt;` becomes `&lt;` and not `<`.
 * Unknown names are left as written, as browsers do.
 */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    const code = NAMED.get(name!);
    return code === undefined ? reference : String.fromCodePoint(code);
  });
}

const TAG_OR_COMMENT = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;

/**
 * Plain text from a short piece of WordPress HTML (a title, an error message): tags are
 * dropped, references decoded, runs of white space made one space. The result is still untrusted and
 * must be rendered as text; it may well contain `<`.
 */
export function htmlToText(html: string): string {
  // ASCII white space only: a no-break space (`&nbsp;`) is kept where the author put it.
  return decodeEntities(html.replace(TAG_OR_COMMENT, ''))
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');
}
