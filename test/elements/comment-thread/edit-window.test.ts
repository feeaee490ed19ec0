import {expect} from '@open-wc/testing';
import type {Comment} from '../../../src/core/types.js';
import {canEditAt, editLabel, editMinutesLeft} from '../../../src/elements/comment-thread/edit-window.js';

const now = Date.parse('2026-08-06T10:00:00Z');
const mine = (editableUntil?: string, kind: 'text' | 'html' = 'text'): Comment => ({
  id: 'c',
  parentId: null,
  author: {name: 'Ada', isViewer: true},
  createdAt: '2026-08-06T09:58:00Z',
  content: {kind, value: 'x'},
  status: 'approved',
  replyCount: 0,
  viewerCan: {reply: true, edit: true, delete: true, ...(editableUntil ? {editableUntil} : {})},
});

describe('edit window', () => {
  it('counts whole minutes left, rounding up', () => {
    expect(editMinutesLeft(mine('2026-08-06T10:04:00Z'), now)).to.equal(4);
    expect(editMinutesLeft(mine('2026-08-06T10:03:01Z'), now)).to.equal(4);
    expect(editMinutesLeft(mine('2026-08-06T10:00:01Z'), now)).to.equal(1);
    expect(editMinutesLeft(mine('2026-08-06T09:59:00Z'), now)).to.equal(0);
    expect(editMinutesLeft(mine(), now)).to.be.undefined;
    expect(editMinutesLeft(mine('soon'), now)).to.be.undefined;
  });

  it('labels the Edit button with the time left', () => {
    expect(editLabel(mine('2026-08-06T10:04:00Z'), now, 'en')).to.equal('Edit (4 min left)');
    expect(editLabel(mine('2026-08-06T10:00:30Z'), now, 'en')).to.equal('Edit (1 min left)');
    expect(editLabel(mine(), now, 'en')).to.equal('Edit');
  });

  it('allows editing HTML only through the stored form the backend gave for it', () => {
    expect(canEditAt({...mine(), content: {kind: 'html', value: '<p><b>x</b></p>', source: '<b>x</b>'}}, now)).to.be.true;
    expect(canEditAt({...mine(), content: {kind: 'html', value: '<p><b>x</b></p>'}}, now)).to.be.false;
  });

  it('allows editing only while the window is open, and only text', () => {
    expect(canEditAt(mine('2026-08-06T10:04:00Z'), now)).to.be.true;
    expect(canEditAt(mine('2026-08-06T09:59:00Z'), now)).to.be.false;
    expect(canEditAt(mine(), now)).to.be.true;
    expect(canEditAt(mine(undefined, 'html'), now)).to.be.false;
    expect(canEditAt({...mine(), viewerCan: {reply: true, edit: false, delete: true}}, now)).to.be.false;
  });
});
