// What a live WordPress refuses, as the adapter reports it to the form.
import {expect} from '@open-wc/testing';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import type {NewComment} from '../../../src/core/adapter.js';
import {expectCode} from '../../helpers/adapter-calls.js';
import {liveRig, moderate, newVisitor} from './live-rig.js';

async function guestPost(text: string, extra: Partial<NewComment> = {}): Promise<NewComment> {
  const rig = await liveRig();
  return {thread: String(rig.posts.posting.id), text, parentId: null, guest: newVisitor('Errors'), idempotencyKey: crypto.randomUUID(), ...extra};
}

describe('live WordPress: errors', () => {
  beforeEach(() => localStorage.clear());

  it('maps a closed post, an invalid email and a too long comment to errors the form can show', async () => {
    const rig = await liveRig();
    const adapter = createWordPressAdapter({endpoint: rig.url});
    await expectCode(adapter.postComment(await guestPost('Too late.', {thread: String(rig.posts.closed.id)}), {}), 'closed');
    const invalidEmail = await expectCode(adapter.postComment(await guestPost('Bad address.', {guest: {name: 'Nemo', email: 'not-an-email'}}), {}), 'invalid');
    expect(invalidEmail.fieldErrors.email).to.be.a('string').and.not.be.empty;
    const tooLong = await expectCode(adapter.postComment(await guestPost('x'.repeat(65_600)), {}), 'invalid');
    expect(tooLong.fieldErrors.text).to.be.a('string').and.not.be.empty;
  });

  it('tells a guest that a repeat of their held comment is already waiting, and floods a quick second one', async () => {
    const rig = await liveRig();
    const adapter = createWordPressAdapter({endpoint: rig.url});
    const first = await guestPost('Held, then repeated.');
    const held = await adapter.postComment(first, {});
    expect(held.status).to.equal('pending');
    const repeat = await expectCode(adapter.postComment({...first, idempotencyKey: crypto.randomUUID()}, {}), 'duplicate');
    expect(repeat.message).to.equal('You already posted this comment; it is waiting for approval.');
    const flood = await expectCode(adapter.postComment({...first, text: 'Something new, too soon.', idempotencyKey: crypto.randomUUID()}, {}), 'rate-limited');
    expect(flood.retryAfterMs).to.be.greaterThan(0);
  });

  it('refuses a reply to a comment trashed after the page loaded', async () => {
    const rig = await liveRig();
    const adapter = createWordPressAdapter({endpoint: rig.url});
    const parent = await createWordPressAdapter({endpoint: rig.url}).postComment(await guestPost('Soon trashed.'), {});
    await moderate(parent.id, {status: 'approved'});
    await adapter.loadPage({thread: String(rig.posts.posting.id), sort: 'oldest', limit: 50}, {});
    await moderate(parent.id, {status: 'trash'});
    const error = await expectCode(adapter.postComment(await guestPost('Replying too late.', {parentId: parent.id}), {}), 'invalid');
    expect(error.fieldErrors.parent).to.equal('The comment you are replying to is no longer available.');
  });
});
