import {expect} from '@open-wc/testing';
import {parseText} from '../../src/content/text.js';
import {httpUrl} from '../../src/content/urls.js';

describe('parseText', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseText('One\r\ntwo\n \nThree\n\n\n')).to.deep.equal([
      [[{kind: 'text', text: 'One'}], [{kind: 'text', text: 'two'}]],
      [[{kind: 'text', text: 'Three'}]],
    ]);
    expect(parseText('   \n\n ')).to.deep.equal([]);
  });

  it('links http(s) URLs, leaving sentence punctuation and unopened brackets outside', () => {
    const [[line]] = parseText('See (https://example.com/a?b=1). Or https://en.wikipedia.org/wiki/Heat_(band), ok');
    expect(line).to.deep.equal([
      {kind: 'text', text: 'See ('},
      {kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1'},
      {kind: 'text', text: '). Or '},
      {kind: 'link', text: 'https://en.wikipedia.org/wiki/Heat_(band)', href: 'https://en.wikipedia.org/wiki/Heat_(band)'},
      {kind: 'text', text: ', ok'},
    ]);
  });

  it('never links other schemes', () => {
    const runs = parseText('javascript:alert(1) data:text/html,x ftp://x.example mailto:a@b.example https://')[0]![0]!;
    expect(runs.every((run) => run.kind === 'text')).to.be.true;
  });
});

describe('httpUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(httpUrl(' https://example.com ')).to.equal('https://example.com/');
    expect(httpUrl('HTTP://EXAMPLE.COM/a')).to.equal('http://example.com/a');
    for (const value of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '\u0000javascript:x', 'data:image/png;base64,AA', '/relative', 'example.com', '', undefined, null]) {
      expect(httpUrl(value), String(value)).to.be.undefined;
    }
  });
});
