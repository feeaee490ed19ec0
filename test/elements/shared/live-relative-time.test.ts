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

/**
 * A label that reads differently every `every` ms from its first refresh on, counting its
 * refreshes, rewrites and the questions whether it is shown; in the page until `shown` is false.
 */
interface FakeLabel extends LiveLabel {
  shown: boolean;
  refreshes: number;
  rewrites: number;
  asked: number;
}

function fakeLabel(every: number): FakeLabel {
  let due = Number.NEGATIVE_INFINITY;
  const label: FakeLabel = {
    shown: true,
    refreshes: 0,
    rewrites: 0,
    asked: 0,
    isShown: () => {
      label.asked++;
      return label.shown;
    },
    refresh: (now: number) => {
      label.refreshes++;
      if (now < due) return due;
      if (!label.shown) return Number.NaN;
      label.rewrites++;
      due = now + every;
      return due;
    },
  };
  return label;
}

/** Adds `label` as a view does: refreshed first, then handed over with when it next changes. */
function add(group: LiveLabelGroup, label: FakeLabel): void {
  group.add(label, label.refresh(Date.now()));
}

describe('LiveLabelGroup', () => {
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => (timers = fakeTimers()));
  afterEach(() => timers.restore());

  it('refreshes its labels when due while the host is connected, and catches up on reconnection', () => {
    const {host, connect, disconnect} = fakeHost();
    const group = new LiveLabelGroup(host);
    const label = fakeLabel(60_000);
    add(group, label);
    expect(timers.running, 'no clock before the host is connected').to.have.length(0);
    connect();
    expect(timers.running).to.have.length(1);
    timers.advance(30_000);
    expect(label.refreshes, 'a tick before any label reads differently refreshes none').to.equal(1);
    timers.advance(30_000);
    expect([label.refreshes, label.rewrites]).to.deep.equal([2, 2]);

    disconnect();
    expect(timers.running, 'the clock stops with the host').to.have.length(0);
    timers.advance(120_000);
    expect(label.refreshes).to.equal(2);
    connect();
    expect(label.rewrites, 'caught up at once').to.equal(3);

    group.delete(label);
    expect(timers.running, 'nothing left to keep current').to.have.length(0);
  });

  it('lets go of a label out of the page when it is due, and of one not due within 16 ticks', () => {
    const {host, connect} = fakeHost();
    const group = new LiveLabelGroup(host);
    connect();
    const due = fakeLabel(30_000);
    const later = fakeLabel(24 * 3600_000);
    const staying = fakeLabel(24 * 3600_000);
    add(group, due);
    add(group, later);
    add(group, staying);
    timers.advance(30_000);
    expect([due.rewrites, later.rewrites, staying.rewrites]).to.deep.equal([2, 1, 1]);

    due.shown = false;
    later.shown = false;
    timers.advance(30_000);
    const dueRefreshes = due.refreshes;
    for (let tick = 0; tick < 16; tick++) timers.advance(30_000);
    expect(due.refreshes, 'found out of the page when due, and let go').to.equal(dueRefreshes);
    const asked = later.asked;
    expect(asked, 'asked whether shown').to.be.above(0);
    for (let tick = 0; tick < 32; tick++) timers.advance(30_000);
    expect(later.asked, 'a label not due is let go within 16 ticks').to.equal(asked);
    expect(staying.asked, 'a label still shown is asked again').to.be.at.least(3);
    expect(staying.rewrites).to.equal(1);
  });
});
