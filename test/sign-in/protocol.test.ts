import {expect} from '@open-wc/testing';
import {
  SIGN_IN_MESSAGE_TYPE,
  callbackParams,
  createState,
  parseSignInMessage,
  signInMessageFromParams,
} from '../../src/sign-in/protocol.js';

describe('sign-in protocol', () => {
  it('reads a callback URL: query and fragment, state and error by name, the rest as the result', () => {
    const params = callbackParams(new URL('https://cb.example/done?code=abc&state=s1#extra=x'));
    expect(signInMessageFromParams(params)).to.deep.equal({
      type: SIGN_IN_MESSAGE_TYPE,
      state: 's1',
      result: {code: 'abc', extra: 'x'},
    });
    const denied = callbackParams(new URL('https://cb.example/done?error=access_denied&error_description=No&state=s2'));
    expect(signInMessageFromParams(denied)).to.deep.equal({
      type: SIGN_IN_MESSAGE_TYPE,
      state: 's2',
      error: 'access_denied',
      errorDescription: 'No',
    });
    expect(signInMessageFromParams(new URLSearchParams('code=abc'))).to.be.null;
  });

  it('accepts only well-formed messages', () => {
    const good = {type: SIGN_IN_MESSAGE_TYPE, state: 's', result: {code: 'c'}};
    expect(parseSignInMessage(good)).to.deep.equal(good);
    expect(parseSignInMessage({...good, extra: 'dropped'})).to.deep.equal(good);
    for (const bad of [
      null,
      'colloquy:sign-in',
      {...good, type: 'other'},
      {...good, state: ''},
      {...good, state: 7},
      {type: SIGN_IN_MESSAGE_TYPE, state: 's'},
      {...good, result: ['c']},
      {...good, result: {code: {nested: true}}},
    ]) {
      expect(parseSignInMessage(bad), JSON.stringify(bad)).to.be.null;
    }
  });

  it('makes states of 256 random bits, URL-safe', () => {
    const state = createState();
    expect(state).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.to.equal(state);
  });
});
