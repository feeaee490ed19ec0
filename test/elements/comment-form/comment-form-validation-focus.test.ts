import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {fill, focusedInside, memoryAdapter, part, press, standaloneForm} from '../../helpers/form.js';

describe('<comment-form> after a failed validation', () => {
  it('moves focus to the first field to fix, in the order they are shown', async () => {
    const form = await standaloneForm(memoryAdapter());
    await fill(form, 'textarea', 'A comment without a name.');
    await fill(form, 'email-input', 'not-an-address');
    press(form);
    await waitUntil(() => focusedInside(form) === part(form, 'name-input'), 'focus did not move to the name field');
    expect(part(form, 'name-input')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(form);

    await fill(form, 'name-input', 'Ada');
    press(form);
    await waitUntil(() => focusedInside(form) === part(form, 'email-input'), 'focus did not move to the email field');
  });

});
