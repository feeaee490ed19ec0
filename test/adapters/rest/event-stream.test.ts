import {expect} from '@open-wc/testing';
import {EventStreamParser} from '../../../src/adapters/rest/event-stream.js';

describe('EventStreamParser', () => {
  it('dispatches on blank lines, joins data lines and defaults the type to message', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: comment-added\ndata: {"a":\ndata: 1}\n\ndata: plain\n\n')).to.deep.equal([
      {type: 'comment-added', data: '{"a":\n1}'},
      {type: 'message', data: 'plain'},
    ]);
  });

  it('reassembles events split anywhere across chunks, CRLF included', () => {
    const parser = new EventStreamParser();
    const stream = 'id: 7\r\nevent: comment-removed\r\ndata: {"commentId":"x"}\r\n\r\n';
    const events = [...stream].flatMap((character) => parser.push(character));
    expect(events).to.deep.equal([{type: 'comment-removed', data: '{"commentId":"x"}'}]);
    expect(parser.lastEventId).to.equal('7');
  });

  it('treats a lone CR as a line end', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: a\r\rdata: b\r')).to.deep.equal([{type: 'message', data: 'a'}]);
    expect(parser.push('\r')).to.deep.equal([{type: 'message', data: 'b'}]);
  });

  it('skips comments and events without data, keeps retry and ignores ids with NUL', () => {
    const parser = new EventStreamParser();
    expect(parser.push(': keep-alive\n\nevent: nothing\n\nretry: 2500\nretry: soon\nid: 1\nid: a\0b\n\n')).to.deep.equal([]);
    expect(parser.retry).to.equal(2500);
    expect(parser.lastEventId).to.equal('1');
  });

  it('keeps one leading space of a value only, and fields without a colon', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data:  two spaces\ndata\n\n')).to.deep.equal([{type: 'message', data: ' two spaces\n'}]);
  });
});
