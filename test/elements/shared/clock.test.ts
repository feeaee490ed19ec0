import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {CLOCK_TICK_MS, ClockController, COUNTDOWN_TICK_MS, onClockTick} from '../../../src/elements/shared/clock.js';
import {fakeTimers} from '../../helpers/fake-timers.js';

class ClockUserElement extends LitElement {
  readonly clock = new ClockController(this);
}
customElements.define('clock-user', ClockUserElement);

describe('shared clock', () => {
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => (timers = fakeTimers()));
  afterEach(() => timers.restore());

  it('runs one interval for every element on the page, and none once they are gone', async () => {
    const container = await fixture(html`<div><clock-user></clock-user><clock-user></clock-user><clock-user></clock-user></div>`);
    expect(timers.started).to.equal(1);
    expect(timers.running).to.have.length(1);
    expect(timers.running[0]!.delay).to.equal(CLOCK_TICK_MS);

    const users = [...container.querySelectorAll('clock-user')];
    users[0]!.remove();
    users[1]!.remove();
    expect(timers.running).to.have.length(1);
    users[2]!.remove();
    expect(timers.running).to.have.length(0);
    container.append(users[0]!);
    expect(timers.started).to.equal(2);
    users[0]!.remove();
  });

  it('counts down on the same timer, faster only while a countdown listens, and keeps the slow beat', () => {
    const slow: number[] = [];
    const fast: number[] = [];
    const stopSlow = onClockTick((now) => slow.push(now));
    const stopFast = onClockTick((now) => fast.push(now), {countdown: true});
    expect(timers.running.map((timer) => timer.delay)).to.deep.equal([COUNTDOWN_TICK_MS]);
    for (let i = 0; i < 8; i++) timers.advance(COUNTDOWN_TICK_MS);
    expect(fast).to.have.length(8);
    expect(slow).to.have.length(0);
    for (let i = 0; i < CLOCK_TICK_MS / COUNTDOWN_TICK_MS - 8; i++) timers.advance(COUNTDOWN_TICK_MS);
    expect(slow).to.have.length(1);
    stopFast();
    // Fast until the next beat, then back to one slow tick, in phase with the beat.
    timers.advance(COUNTDOWN_TICK_MS);
    expect(timers.running.map((timer) => timer.delay)).to.deep.equal([COUNTDOWN_TICK_MS]);
    for (let i = 1; i < CLOCK_TICK_MS / COUNTDOWN_TICK_MS; i++) timers.advance(COUNTDOWN_TICK_MS);
    expect(slow).to.have.length(2);
    expect(timers.running.map((timer) => timer.delay)).to.deep.equal([CLOCK_TICK_MS]);
    expect(timers.started).to.equal(3);
    stopSlow();
    expect(timers.running).to.have.length(0);
  });

  it('refreshes relative times in every thread on each tick', async () => {
    const comment = {id: '1', author: {name: 'A'}, createdAt: new Date(Date.now() - 2 * 60_000).toISOString(), text: 'Hi'};
    const adapter = createMemoryAdapter({threads: [{id: 't', title: 'T', comments: [comment]}]});
    const container = await fixture(html`<div>
      <comment-thread thread="t" .adapter=${adapter}></comment-thread>
      <comment-thread thread="t" .adapter=${adapter}></comment-thread>
    </div>`);
    const threads = [...container.querySelectorAll('comment-thread')] as CommentThreadElement[];
    const label = (thread: CommentThreadElement) => thread.shadowRoot!.querySelector('time')?.textContent?.trim();
    await waitUntil(() => threads.every(label), 'the threads did not load');
    expect(threads.map(label)).to.deep.equal(['2 minutes ago', '2 minutes ago']);
    expect(timers.started).to.equal(1);

    timers.advance(3 * 60_000);
    await Promise.all(threads.map((thread) => thread.updateComplete));
    expect(threads.map(label)).to.deep.equal(['5 minutes ago', '5 minutes ago']);

    timers.advance(2 * 3600_000);
    await Promise.all(threads.map((thread) => thread.updateComplete));
    expect(threads.map(label)).to.deep.equal(['2 hours ago', '2 hours ago']);
  });
});
