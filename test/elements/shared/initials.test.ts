import {expect} from '@open-wc/testing';
import {initialsOf} from '../../../src/elements/shared/initials.js';
import {constructionsDuring} from '../../helpers/constructions.js';

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Ada Lovelace', 'en')).to.equal('AL');
    expect(initialsOf('Karen Spärck Jones', 'en')).to.equal('KJ');
    expect(initialsOf('émile zola', 'fr')).to.equal('ÉZ');
    expect(initialsOf('ليلى حداد', 'ar')).to.equal('لح');
  });

  it('never takes an emoji, a digit or a lone combining mark', () => {
    expect(initialsOf('😀 Ada', 'en')).to.equal('A');
    expect(initialsOf('Ada 🚀', 'en')).to.equal('A');
    expect(initialsOf('🚀Rocket Man', 'en')).to.equal('RM');
    expect(initialsOf('\u0301Zoe Lane', 'en')).to.equal('ZL');
    expect(initialsOf('42 Ada', 'en')).to.equal('A');
    expect(initialsOf('😀 🎉', 'en')).to.equal('?');
  });

  it('keeps a letter whole with its accents', () => {
    expect(initialsOf('e\u0301lise', 'fr')).to.equal('E\u0301');
  });

  it('takes whole graphemes in every script, as Intl.Segmenter cuts them', () => {
    // The first letter of each word as the segmenter finds it, for names the fast path takes and those it leaves.
    const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
    const expected = (name: string) => {
      const letters = name
        .trim()
        .split(/[\s\p{P}]+/u)
        .map((word) => Array.from(segmenter.segment(word), (part) => part.segment).find((grapheme) => /^\p{L}/u.test(grapheme)))
        .filter((letter) => letter !== undefined);
      return letters.length ? (letters[0]! + (letters.length > 1 ? letters.at(-1)! : '')).toLocaleUpperCase('en') : '?';
    };
    const names = ['Ada Lovelace', 'Łukasz Żółw', 'Иван Петров', 'Αλέξης Τσίπρας', 'Nguyễn Văn An', '1st Baron Kelvin', 'Dž Ǆ',
      'e\u0301lise Zola', 'Zoe\u0308 Lane', 'A\u200dB C', 'Ada 👩‍💻', '👩🏽‍🚀 Mae Jemison', '🇫🇷 Marianne', 'ﬁona ǅ',
      'किशोर कुमार', 'สมชาย ใจดี', '김 민준', '李 小龙', 'ليلى حداد', '가 나'];
    for (const name of names) expect(initialsOf(name, 'en'), name).to.equal(expected(name));
  });

  it('builds no Intl.Segmenter for names in Latin, Cyrillic or Greek letters', async () => {
    const simple = await constructionsDuring(Intl, 'Segmenter', () => {
      for (const name of ['Grace Hopper', 'Ŀuïsa Ñúñez', 'Мария Склодовская', 'Ἀριστοτέλης Σταγειρίτης']) initialsOf(name, 'el-GR');
    });
    expect(simple).to.equal(0);
    expect(await constructionsDuring(Intl, 'Segmenter', () => initialsOf('Ada 👩‍💻 Byron', 'el-GR')), 'a name with an emoji').to.equal(1);
  });
});
