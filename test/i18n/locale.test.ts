import {expect} from '@open-wc/testing';
import {isolate} from '../../src/i18n/isolate.js';
import {plural, type PluralMessages} from '../../src/i18n/locale.js';

// No localization is configured in this page: messages stay in English, the source locale.
const thoughts: PluralMessages = {
  zero: () => 'zero: #',
  one: () => 'one: #',
  two: () => 'two: #',
  few: () => 'few: #',
  many: () => 'many: #',
  other: () => 'other: #',
};

describe('plural()', () => {
  it('writes the number where the message has #, formatted for the locale given', () => {
    expect(plural(1234, 'de', thoughts)).to.equal('other: 1.234');
    expect(plural(4, 'en', {one: () => 'Edit (# left)', other: () => 'Edit (# left)'}, '4 min')).to.equal('Edit (4 min left)');
  });

  it('picks the category by the language of the messages, not of the nearest lang', () => {
    // A French page whose messages are English (nothing configured): French calls 0 "one",
    // but the English "one" message says "thought", wrong for 0.
    expect(plural(0, 'fr', thoughts)).to.equal('other: 0');
    expect(plural(2, 'ar', thoughts)).to.equal('other: 2');
    expect(plural(1, 'ar', thoughts)).to.equal('one: 1');
  });

  it('leaves a # inside isolated text alone: it belongs to a title or a name', () => {
    const title = isolate('C# in #1 place');
    expect(plural(3, 'en', {other: () => `# thoughts on “${title}”`})).to.equal('3 thoughts on “\u2068C# in #1 place\u2069”');
  });
});

describe('isolate()', () => {
  it('wraps text in FSI…PDI and drops isolate controls inside it, so it cannot end early', () => {
    expect(isolate('أمينة')).to.equal('\u2068أمينة\u2069');
    expect(isolate('Eve\u2069 \u2067evil\u2066')).to.equal('\u2068Eve evil\u2069');
  });
});
