import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {expectAccessible} from '../../helpers/axe.js';
import {memoryAdapter, standaloneForm} from '../../helpers/form.js';

interface FieldLook {
  label: string;
  autocomplete: string;
  required: boolean;
  description: string;
  labelFont: string;
  inputHeight: number;
}

/** What a person sees and hears of each guest field, in order. */
function look(root: ShadowRoot, container: Element): {hint: string; fields: FieldLook[]} {
  const fields = [...container.querySelectorAll<HTMLInputElement>('input:not([type="checkbox"])')].map((input) => {
    const label = root.querySelector(`label[for="${input.id}"]`)!;
    const description = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && !id.endsWith('-error'))
      .map((id) => root.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
      .join(' ');
    return {
      label: label.textContent!.replace(/\s+/g, ' ').trim(),
      autocomplete: input.autocomplete,
      required: input.required,
      description,
      labelFont: `${getComputedStyle(label).fontWeight} ${getComputedStyle(label).fontSize}`,
      inputHeight: Math.round(input.getBoundingClientRect().height),
    };
  });
  const hint = container.querySelector('.hint')!.textContent!.replace(/\s+/g, ' ').trim();
  return {hint, fields};
}

describe('<login-choice> on its own', () => {
  it('asks for the guest’s details with the same fields, words and looks as <comment-form>', async () => {
    const form = await standaloneForm(memoryAdapter());
    const formFields = form.shadowRoot!.querySelector('[part="guest-fields"]')!;
    const fromForm = look(form.shadowRoot!, formFields);

    const element = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${memoryAdapter()}></login-choice>`);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="guest-fields"]'), 'no guest fields');
    const alone = look(element.shadowRoot!, element.shadowRoot!.querySelector('[part="guest-fields"]')!);

    expect(alone).to.deep.equal(fromForm);
    expect(alone.fields.map((field) => field.autocomplete)).to.deep.equal(['name', 'email', 'url']);
    await expectAccessible(element);
  });
});
