import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {expectAccessible} from '../../helpers/axe.js';
import {article, renderThread, seedComment, text} from './thread-fixture.js';

/** A chain of replies seven deep: c1 ← c2 ← … ← c7. */
function chain() {
  const names = ['Amina', 'Bilal', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran'];
  return names.map((name, index) =>
    seedComment(`c${index + 1}`, name, `Level ${index + 1}: a sentence long enough to wrap onto a second line.`, {
      parentId: index === 0 ? null : `c${index}`,
    }),
  );
}

function width(element: Element): number {
  return element.getBoundingClientRect().width;
}

describe('<comment-thread> on a phone', () => {
  afterEach(async () => {
    await setViewport({width: 800, height: 600});
  });

  it('keeps every text column at least 240 px wide at 360 px, saying whom deep replies answer', async () => {
    await setViewport({width: 360, height: 740});
    const {element} = await renderThread({comments: chain(), maxDepth: 7});
    expect(width(element)).to.be.at.most(360);
    for (let level = 1; level <= 7; level++) {
      const body = article(element, `c${level}`).querySelector('[part="body"]')!;
      expect(width(body), `the text at level ${level}`).to.be.at.least(240);
    }
    // Three levels are indented; from the fourth on, replies line up and name their parent.
    const left = (id: string) => article(element, id).getBoundingClientRect().left;
    expect(left('c2')).to.be.greaterThan(left('c1'));
    expect(left('c3')).to.be.greaterThan(left('c2'));
    expect(left('c4')).to.equal(left('c3'));
    expect(left('c7')).to.equal(left('c3'));
    const said = (id: string) => {
      const line = article(element, id).querySelector<HTMLElement>('[part="in-reply-to"]');
      return line && line.offsetParent !== null ? text(line) : null;
    };
    expect(said('c3')).to.equal(null);
    expect(said('c4')).to.equal('In reply to Chen');
    expect(said('c7')).to.equal('In reply to Farah');
    await expectAccessible(element);
  });

  it('indents every level and hides the extra "In reply to" lines where there is room', async () => {
    const {element} = await renderThread({comments: chain(), maxDepth: 7});
    const container = await fixture(html`<div style="inline-size: 900px"></div>`);
    container.append(element);
    await element.updateComplete;
    const left = (id: string) => article(element, id).getBoundingClientRect().left;
    expect(left('c5')).to.be.greaterThan(left('c4'));
    const line = article(element, 'c5').querySelector<HTMLElement>('[part="in-reply-to"]')!;
    expect(line.offsetParent).to.equal(null);
  });

  it('gives the reply form the same column deep in the thread', async () => {
    await setViewport({width: 360, height: 740});
    const {element} = await renderThread({comments: chain(), maxDepth: 7});
    element.append(Object.assign(document.createElement('comment-form')));
    await import('../../../src/elements/comment-form/comment-form.js');
    element.reply('c7');
    await element.updateComplete;
    const form = element.querySelector('comment-form')!;
    await form.updateComplete;
    expect(width(form)).to.be.at.least(240);
  });
});
