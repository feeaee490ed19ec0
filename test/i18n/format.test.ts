import {expect} from '@open-wc/testing';
import {formatNumber} from '../../src/i18n/format.js';
import {constructionsDuring} from '../helpers/constructions.js';
import {sourceLocale, targetLocales} from '../../src/localization.js';

/** What Intl writes, with the default locale for a tag it refuses (as formatNumber does). */
function intlNumber(value: number, tag: string): string {
  try {
    return new Intl.NumberFormat(tag).format(value);
  } catch {
    return new Intl.NumberFormat().format(value);
  }
}

const REGIONS = ['', '-US', '-GB', '-IN', '-CA', '-FR', '-BE', '-CH', '-MA', '-DZ', '-EG', '-SA', '-IL', '-IR', '-AF', '-MX', '-ES', '-AR', '-BR', '-PT', '-AO', '-NL', '-PL', '-RU', '-BY', '-UA', '-TR', '-CY', '-JP', '-CN', '-TW', '-HK', '-MO', '-SG', '-KR', '-ID', '-VN', '-Latn', '-Arab', '-Deva', '-Hant-TW'];
const LANGUAGES = [...new Set([sourceLocale, ...targetLocales].map((tag) => tag.split('-')[0]!)), 'bn', 'mr', 'ne', 'ur', 'ps', 'my'];
const TAGS = [
  sourceLocale,
  ...targetLocales,
  ...LANGUAGES.flatMap((language) => REGIONS.map((region) => language + region)),
  'en-u-nu-arab',
  'fr-CA-u-nu-deva',
  'hi-IN-u-nu-deva',
  'zh-Hans-CN-u-nu-hanidec',
  'EN-us',
  'en_US',
  'not a tag',
  '',
];
const VALUES = [0, 1, 2, 7, 10, 42, 100, 101, 999, 1000, 1234, 12_345, 1_234_567, 0.5, 2.25, -3];

describe('formatNumber()', () => {
  it('writes what Intl.NumberFormat writes, in every language and region', () => {
    const differences: string[] = [];
    for (const tag of TAGS) {
      for (const value of VALUES) {
        const written = formatNumber(value, tag);
        if (written !== intlNumber(value, tag)) differences.push(`${tag} ${value}: ${written} ≠ ${intlNumber(value, tag)}`);
      }
    }
    expect(differences).to.deep.equal([]);
  });

  it('builds no Intl.NumberFormat for counts under 1,000 where the digits are ASCII (its first costs milliseconds)', async () => {
    const small = await constructionsDuring(Intl, 'NumberFormat', () => {
      for (const tag of ['en-AU', 'de-AT', 'ja-JP', 'zh-Hant-HK']) for (const value of [0, 3, 999]) formatNumber(value, tag);
    });
    expect(small).to.equal(0);
    expect(await constructionsDuring(Intl, 'NumberFormat', () => formatNumber(1000, 'en-AU')), 'a count that needs a separator').to.equal(1);
  });
});
