import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible} from '../../helpers/axe.js';
import {fill, fillGuest, focusedInside, memoryAdapter, part, press, recordPosts, standaloneForm, textarea} from '../../helpers/form.js';

describe('<comment-form> Markdown preview', () => {
  it('offers Write and Preview tabs only where the backend takes Markdown', async () => {
    const plain = await standaloneForm(memoryAdapter());
    expect(part(plain, 'preview-tab')).to.equal(null);
    expect(part(plain, 'markdown-hint')).to.equal(null);

    const form = await standaloneForm(memoryAdapter({markdown: true}));
    const write = part(form, 'write-tab')!;
    const preview = part(form, 'preview-tab')!;
    expect(write.getAttribute('role')).to.equal('tab');
    expect(write.getAttribute('aria-selected')).to.equal('true');
    expect(preview.getAttribute('aria-selected')).to.equal('false');
    expect(write.parentElement!.getAttribute('role')).to.equal('tablist');
    await expectAccessible(form);
  });

  it('shows the comment as it will read, keeps the text, and goes back with the arrow keys', async () => {
    const adapter = memoryAdapter({markdown: true});
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fill(form, 'textarea', 'Some **strong** words\n\n> quoted');
    part(form, 'preview-tab')!.click();
    await form.updateComplete;
    const panel = part(form, 'preview')!;
    await waitUntil(() => panel.querySelector('strong'), 'the preview did not render');
    expect(panel.querySelector('strong')!.textContent).to.equal('strong');
    expect(panel.querySelector('blockquote')!.textContent!.trim()).to.equal('quoted');
    expect(panel.getAttribute('role')).to.equal('tabpanel');
    expect(textarea(form).closest<HTMLElement>('[role="tabpanel"]')!.hidden).to.be.true;
    expect(part(form, 'preview-tab')!.getAttribute('aria-selected')).to.equal('true');
    await expectAccessible(form);

    part(form, 'preview-tab')!.focus();
    await sendKeys({press: 'ArrowLeft'});
    await waitUntil(() => focusedInside(form) === part(form, 'write-tab'), 'the arrow key did not move to Write');
    expect(textarea(form).closest<HTMLElement>('[role="tabpanel"]')!.hidden).to.be.false;
    expect(textarea(form).value).to.equal('Some **strong** words\n\n> quoted');

    // Sending from the preview sends the Markdown as typed.
    part(form, 'preview-tab')!.click();
    await fillGuestFields(form);
    press(form);
    await waitUntil(() => posts.length === 1, 'nothing was sent');
    expect(posts[0]!.text).to.equal('Some **strong** words\n\n> quoted');
  });

  it('returns to the box when validation points at it', async () => {
    const form = await standaloneForm(memoryAdapter({markdown: true, maxLength: 10}));
    await fillGuest(form, 'Far too long for this site');
    part(form, 'preview-tab')!.click();
    await form.updateComplete;
    press(form);
    await waitUntil(() => focusedInside(form) === textarea(form), 'focus did not reach the comment box');
    expect(textarea(form).closest<HTMLElement>('[role="tabpanel"]')!.hidden).to.be.false;
  });
});

async function fillGuestFields(form: Parameters<typeof fill>[0]): Promise<void> {
  await fill(form, 'name-input', 'Ada');
  await fill(form, 'email-input', 'ada@example.com');
}
