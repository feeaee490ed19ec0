import {expect} from '@open-wc/testing';
import {formatRelativeTime, relativeTimeChangesAt} from '../../src/i18n/format.js';

// A live label sleeps until relativeTimeChangesAt, so it must never be later than the
// first moment formatRelativeTime reads differently.
describe('relativeTimeChangesAt', () => {
  const created = Date.parse('2026-01-01T00:00:00Z');
  const minute = 60_000;

  it('is exactly the next moment the label changes, across every unit', () => {
    for (const elapsed of [0, 30_000, 2 * minute + 5, 59 * minute, 23 * 60 * minute, 6 * 1440 * minute, 29 * 1440 * minute, 364 * 1440 * minute, 800 * 1440 * minute]) {
      const now = created + elapsed;
      const at = relativeTimeChangesAt(created, now);
      expect(at, `after ${elapsed} ms`).to.be.greaterThan(now);
      const label = formatRelativeTime(created, now, 'en');
      expect(formatRelativeTime(created, at - 1, 'en'), `just before, after ${elapsed} ms`).to.equal(label);
      expect(formatRelativeTime(created, at, 'en'), `at the change, after ${elapsed} ms`).to.not.equal(label);
    }
  });

  it('waits for the first minute when the backend clock is ahead', () => {
    expect(relativeTimeChangesAt(created, created - 5 * minute)).to.equal(created + minute);
  });
});
