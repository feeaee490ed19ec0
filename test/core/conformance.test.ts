import {expect} from '@open-wc/testing';
import {createMemoryAdapter, type MemoryAdapterOptions} from '../../src/adapters/memory/index.js';
import type {CommentAdapter} from '../../src/core/adapter.js';
import {adapterConformanceChecks, ConformanceError} from '../../src/core/conformance.js';
import {conversationSeed} from '../fixtures/seed-threads.js';

/** Runs the suite against a deliberately broken adapter and returns the failed checks. */
async function failedChecks(breakAdapter: (adapter: CommentAdapter) => CommentAdapter, options: MemoryAdapterOptions = {}): Promise<string[]> {
  const checks = adapterConformanceChecks(() => ({
    adapter: breakAdapter(createMemoryAdapter({threads: [conversationSeed()], autoCreateThreads: false, ...options})),
    thread: 'conversation',
    missingThread: 'nowhere',
    guest: {name: 'Ada', email: 'ada@example.com'},
  }));
  const failed: string[] = [];
  for (const check of checks) {
    try {
      await check.run();
    } catch (error) {
      expect(error).to.be.instanceOf(ConformanceError);
      failed.push(check.name);
    }
  }
  return failed;
}

const methodNames = [
  'loadPage', 'postComment', 'editComment', 'deleteComment', 'react', 'listProviders',
  'signInUrl', 'completeSignIn', 'getSession', 'signOut', 'subscribe', 'locate', 'moderate', 'loadReplies',
] as const;

/** A copy of `adapter` with some methods replaced (its own methods stay bound to it). */
function override(adapter: CommentAdapter, methods: Partial<CommentAdapter>): CommentAdapter {
  const copy: Record<string, unknown> = {capabilities: adapter.capabilities};
  for (const name of methodNames) {
    const method = adapter[name] as ((...args: unknown[]) => unknown) | undefined;
    if (method) copy[name] = method.bind(adapter);
  }
  return Object.assign(copy, methods) as unknown as CommentAdapter;
}

describe('the conformance suite', () => {
  it('passes a conforming adapter', async () => {
    expect(await failedChecks((adapter) => adapter)).to.deep.equal([]);
  });

  it('catches pages that repeat a comment', async () => {
    const failed = await failedChecks((adapter) =>
      override(adapter, {
        async loadPage(request, options) {
          const page = await adapter.loadPage(request, options);
          return request.cursor ? {...page, comments: [...page.comments, page.comments[0]!]} : page;
        },
      }),
    );
    expect(failed).to.include('pages cover every comment exactly once, at any page size');
  });

  it('catches locate() sending a comment to the wrong page, or finding one that does not exist', async () => {
    const failed = await failedChecks((adapter) =>
      override(adapter, {
        async locate(request) {
          return {cursor: null, rootId: request.commentId};
        },
      }),
    );
    expect(failed).to.include('locates every comment on the page that lists it, when it has locate()');
  });

  it('catches replies listed before their parent', async () => {
    const failed = await failedChecks((adapter) =>
      override(adapter, {
        async loadPage(request, options) {
          const page = await adapter.loadPage(request, options);
          return {...page, comments: [...page.comments].reverse()};
        },
      }),
    );
    expect(failed).to.include("lists every reply after its parent, in the parent's page");
  });

  it('catches untyped failures and ignored aborts', async () => {
    const failed = await failedChecks((adapter) =>
      override(adapter, {
        loadPage(request) {
          if (request.thread === 'nowhere') return Promise.reject(new Error('404'));
          return adapter.loadPage(request, {});
        },
        postComment(input) {
          return adapter.postComment(input, {});
        },
      }),
    );
    expect(failed).to.include.members([
      'rejects an unknown thread with not-found',
      'rejects at once when the signal has already fired, storing nothing',
      'rejects a call whose signal fires while it is under way',
    ]);
  });

  it('catches a retried post stored twice', async () => {
    const seen = new Set<string>();
    const failed = await failedChecks((adapter) =>
      override(adapter, {
        postComment(input, options) {
          // Ignores the idempotency key and nudges the text past duplicate detection.
          const retry = seen.has(input.idempotencyKey);
          seen.add(input.idempotencyKey);
          const text = retry ? `${input.text}.` : input.text;
          return adapter.postComment({...input, text, idempotencyKey: crypto.randomUUID()}, options);
        },
      }),
    );
    expect(failed).to.deep.equal(['stores a comment once when it is posted twice with one idempotency key']);
  });

  it('catches moderation claimed without moderate(), or granted to a viewer who is no moderator', async () => {
    const missing = await failedChecks((adapter) => override(adapter, {moderate: undefined}));
    expect(missing).to.include('declares a method for every capability it claims');

    const granted = await failedChecks((adapter) =>
      override(adapter, {
        // Answers every viewer as if they moderated.
        moderate: async () => null,
      }),
    );
    expect(granted).to.deep.equal(['refuses moderation to a viewer who may not moderate, changing nothing']);
  });

  it('catches a capability claimed without its method', async () => {
    const failed = await failedChecks((adapter) =>
      override(adapter, {capabilities: {...adapter.capabilities, live: true}, subscribe: undefined}),
    );
    expect(failed).to.include('declares a method for every capability it claims');
  });
});

describe('the conformance suite, with conversations sent in batches (moreReplies, loadReplies)', () => {
  it('passes a conforming adapter, following every cursor', async () => {
    let batches = 0;
    const failed = await failedChecks(
      (adapter) =>
        override(adapter, {
          loadReplies(request, options) {
            batches++;
            return adapter.loadReplies!(request, options);
          },
        }),
      {firstReplies: 1},
    );
    expect(failed, failed.join(", ")).to.deep.equal([]);
    expect(batches, 'the checks followed the cursors').to.be.greaterThan(0);
  });

  it('catches a batch that repeats a reply', async () => {
    const failed = await failedChecks(
      (adapter) =>
        override(adapter, {
          async loadReplies(request, options) {
            const batch = await adapter.loadReplies!(request, options);
            return {...batch, comments: [...batch.comments, ...batch.comments]};
          },
        }),
      {firstReplies: 1},
    );
    expect(failed).to.include('pages cover every comment exactly once, at any page size');
  });

  it('catches moreReplies without loadReplies', async () => {
    const failed = await failedChecks((adapter) => override(adapter, {loadReplies: undefined}), {firstReplies: 1});
    expect(failed).to.include('pages cover every comment exactly once, at any page size');
  });
});
