import {expect} from '@open-wc/testing';
import {initialsOf} from '../../../src/elements/shared/initials.js';

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
});
