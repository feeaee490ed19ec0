// The labels of one element, kept current on the page's clock while it is connected, and
// let go once out of the page without anyone saying so.
import {expect} from '@open-wc/testing';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {LiveLabelGroup, type LiveLabel} from '../../../src/elements/shared/live-relative-time.js';
import {fakeTimers} from '../../helpers/fake-timers.js';

/** A host whose connection the test drives. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  return {
    host,
    connect: () => controllers.forEach((controller) => controller.hostConnected?.()),
    disconnect: () => controllers.forEach((controller) => controller.hostDisconnected?.()),
  };
}

/** A label that counts its refreshes, shown until `shown` is set false, due every `dueEvery` refreshes. */
function fakeLabel(dueEvery = 1): LiveLabel & {shown: boolean; refreshes: number; rewrites: number} {
  const label = {
    shown: true,
    refreshes: 0,
    rewrites: 0,
    isShown: () => label.shown,
    refresh: () => {
      label.refreshes++;
      if (label.refreshes % dueEvery !== 0) return true;
      if (!label.shown) return false;
      label.rewrites++;
      return true;
    },
  };
  return label;
}

describe('LiveLabelGroup', () => {
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => (timers = fakeTimers()));
  afterEach(() => timers.restore());

  it('refreshes its labels on each tick while the host is connected, and catches up on reconnection', () => {
    const {host, connect, disconnect} = fakeHost();
    const group = new LiveLabelGroup(host);
    const label = fakeLabel();
    group.add(label);
    expect(timers.running, 'no clock before the host is connected').to.have.length(0);
    connect();
    expect(label.refreshes, 'refreshed on connection').to.equal(1);
    expect(timers.running).to.have.length(1);
    timers.advance(30_000);
    expect(label.refreshes).to.equal(2);

    disconnect();
    expect(timers.running, 'the clock stops with the host').to.have.length(0);
    timers.advance(30_000);
    expect(label.refreshes).to.equal(2);
    connect();
    expect(label.refreshes).to.equal(3);

    group.delete(label);
    expect(timers.running, 'nothing left to keep current').to.have.length(0);
  });

  it('lets go of a label out of the page when it is due, and of one not due within 16 ticks', () => {
    const {host, connect} = fakeHost();
    const group = new LiveLabelGroup(host);
    connect();
    const due = fakeLabel();
    const later = fakeLabel(1000);
    const staying = fakeLabel(1000);
    group.add(due);
    group.add(later);
    group.add(staying);
    timers.advance(30_000);
    expect([due.refreshes, later.refreshes, staying.refreshes]).to.deep.equal([1, 1, 1]);

    due.shown = false;
    later.shown = false;
    timers.advance(30_000);
    expect(due.refreshes, 'found out of the page when due').to.equal(2);
    for (let tick = 0; tick < 16; tick++) timers.advance(30_000);
    expect(due.refreshes, 'and let go').to.equal(2);
    const refreshes = later.refreshes;
    expect(refreshes, 'a label not due is let go within 16 ticks').to.be.below(18);
    timers.advance(30_000);
    expect(later.refreshes).to.equal(refreshes);
    expect(staying.refreshes, 'a label still shown stays').to.equal(19);
    expect(due.rewrites + later.rewrites).to.equal(1);
  });
});
