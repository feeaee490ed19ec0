// Compile-only: checks that the public API type-checks as the README and JSDoc document
// it. `npm test` runs tsc over test/, so a breaking change to these shapes fails the
// build; nothing here runs in a browser.
import {
  CommentError,
  CommentFormElement,
  CommentThreadElement,
  applyPageStrings,
  directionOf,
  followPageLanguage,
  loadColloquyLocale,
  matchLocale,
  registerAdapter,
  setColloquyStrings,
  sourceLocale,
  targetLocales,
  type CommentAdapter,
  type CommentErrorCode,
  type CommentPage,
  type ColloquyStrings,
  type NewComment,
} from '../../src/index.js';
import {configureLocalization} from '@lit/localize';
import {describeAdapterConformance, type ConformanceSubject} from '../../src/core/conformance.js';
import {createMemoryAdapter} from '../../src/adapters/memory/index.js';
import {createRestAdapter} from '../../src/adapters/rest/index.js';
import {createWordPressAdapter} from '../../src/adapters/wordpress/index.js';
import {LoginChoiceElement, startSignIn, takeSignInDraft} from '../../src/login-choice.js';
import type {LoginChoiceElement as LoginChoiceType} from '../../src/index.js';

// The tag map gives the element classes, and events arrive typed.
const thread: CommentThreadElement = document.createElement('comment-thread');
const form: CommentFormElement = document.createElement('comment-form');
thread.maxDepth = 5;
thread.sort = 'newest';
thread.adapter = createMemoryAdapter({threads: [], moderation: 'guests'});
form.thread = 'aqim-updates-aug-6';

thread.addEventListener('comment-load', (event) => {
  const title: string = event.thread.title;
  void title;
});
thread.addEventListener('comment-error', (event) => {
  const code: CommentErrorCode | undefined = event.error instanceof CommentError ? event.error.code : undefined;
  void code;
});
form.addEventListener('comment-submit', (event) => {
  const draft: Readonly<NewComment> = event.comment;
  if (draft.text.includes('spam')) event.preventDefault();
});
form.addEventListener('comment-posted', (event) => {
  const held: boolean = event.held;
  void held;
});

// A backend author implements two methods and says which optional parts exist.
const minimal: CommentAdapter = {
  capabilities: {edit: false, delete: false, reactions: [], signIn: false, session: false, live: false},
  async loadPage(request, {signal} = {}): Promise<CommentPage> {
    signal?.throwIfAborted();
    return {
      thread: {
        id: request.thread,
        title: 'A post',
        totalCount: 0,
        posting: {
          open: true,
          guests: {allowed: true, requireName: true, requireEmail: true},
          notifications: {comments: false, posts: false},
        },
      },
      comments: [],
      nextCursor: null,
    };
  },
  async postComment() {
    throw new CommentError('rate-limited', 'Slow down.', {retryAfterMs: 15_000});
  },
};
registerAdapter('minimal', () => minimal);
registerAdapter('lazy', (attributes) => import('../../src/adapters/rest/index.js').then((m) => m.createRestAdapter({endpoint: attributes['endpoint'] ?? '/api'})));

// The conformance suite plugs into any runner with describe/it.
const subject: ConformanceSubject = {adapter: minimal, thread: 't', canPost: false};
describeAdapterConformance('minimal', () => subject, {describe, it});

// The shipped adapters are created as the README shows.
void createRestAdapter({endpoint: 'https://api.example.com/comments'}).then((adapter: CommentAdapter) => adapter);
const wordpress: CommentAdapter = createWordPressAdapter({endpoint: 'https://example.com', post: 14});
void wordpress;

// Localization: a page without its own follows <html lang>; an app with its own merges
// Colloquy's messages into its loader.
if (document.documentElement.hasAttribute('data-follow')) followPageLanguage();
configureLocalization({
  sourceLocale,
  targetLocales: [...targetLocales, 'sv'],
  loadLocale: async (locale) => ({templates: {...(await loadColloquyLocale(matchLocale(locale))).templates}}),
});

// The site's own words, by message id: plain, per plural category, or ICU.
const strings: ColloquyStrings = {
  'form.heading': 'Join the discussion',
  'thread.count': {one: '# reply', other: '# replies'},
  'thread.heading': '{count, plural, one {# reply to “{0}”} other {# replies to “{0}”}}',
};
void setColloquyStrings(strings, {locale: 'fr'}).then(() => applyPageStrings(document));
const direction: 'ltr' | 'rtl' = directionOf('fa');
void direction;

// The sign-in panel and flow have their own entry (`colloquy/login-choice`); the main one
// still names the element's type for the tag map.
const panel: LoginChoiceType = new LoginChoiceElement();
panel.guests = 'optional';
void startSignIn;
const kept: string | undefined = takeSignInDraft<string>('my-form');
void kept;
