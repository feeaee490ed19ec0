import {expect} from '@open-wc/testing';
import {decodeEntities, htmlToText} from '../../src/content/entities.js';

describe('decodeEntities', () => {
  it('decodes named references, including every Latin-1 one', () => {
    expect(decodeEntities('Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;x&apos;')).to.equal('Tom & Jerry <3 "hi" \'x\'');
    expect(decodeEntities('&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&euro;&trade;')).to.equal('…—–‘’“”€™');
    expect(decodeEntities('&nbsp;&copy;&eacute;&Uuml;&szlig;&yuml;')).to.equal('\u00a0©éÜßÿ');
  });

  it('decodes decimal and hexadecimal references', () => {
    expect(decodeEntities('you&#8217;ve &#x2019; &#X1F680; &#039;')).to.equal('you’ve ’ 🚀 \'');
  });

  it('decodes in one pass, so escaped references stay references', () => {
    expect(decodeEntities('&amp;lt;script&amp;gt;')).to.equal('&lt;script&gt;');
    expect(decodeEntities('&amp;#8217;')).to.equal('&#8217;');
  });

  it('follows HTML for out-of-range and C1 code points', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).to.equal('\uFFFD\uFFFD\uFFFD');
    expect(decodeEntities('&#150;&#128;&#146;')).to.equal('–€’');
  });

  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('&bogus; AT&T & &amp')).to.equal('&bogus; AT&T & &amp');
  });
});

describe('htmlToText', () => {
  it('drops tags and comments without parsing, then decodes', () => {
    expect(htmlToText('<strong>Error</strong>: you&#8217;re <em>too</em> quick<!-- x -->')).to.equal('Error: you’re too quick');
    // What is left is text: an escaped tag becomes visible angle brackets, not markup.
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('collapses white space but keeps no-break spaces', () => {
    expect(htmlToText('  AQIM Updates,\n  August&nbsp;6 ')).to.equal('AQIM Updates, August\u00a06');
  });
});
