import {SaxesParser, type SaxesTagNS} from 'saxes';

/**
 * Streaming readers of the two export formats, on saxes: they hold one record (a post or
 * a comment) at a time, each field capped, and hand finished records out as they close.
 *
 * WordPress (WXR, "WordPress eXtended RSS", written by wp-admin/includes/export.php): an RSS
 * `<channel>` with `<wp:base_site_url>`, then one `<item>` per post (`<title>`, `<link>`,
 * `<wp:post_id>`, `<wp:comment_status>`…) holding its `<wp:comment>`s (`<wp:comment_id>`,
 * `<wp:comment_parent>` (0 = none), `<wp:comment_author>`, `…_email`, `…_url`, `…_IP`,
 * `<wp:comment_date_gmt>`, `<wp:comment_content>` (HTML in CDATA), `<wp:comment_approved>`
 * (1, 0, spam, trash, post-trashed), `<wp:comment_type>` (empty or comment, pingback,
 * trackback…), `<wp:comment_user_id>`). The `wp` namespace's URI carries the WXR version.
 *
 * Disqus: a `<disqus>` root (namespace http://disqus.com, `dsq:` = …/disqus-internals) with
 * every `<thread dsq:id>` (`<id>` = the page's disqus_identifier, `<link>`, `<title>`,
 * `<forum>`, `<isClosed>`), then every `<post dsq:id>` (`<message>` HTML in CDATA,
 * `<createdAt>`, `<isDeleted>`, `<isSpam>`, `<author>` with `<name>`, `<email>`,
 * `<username>`, `<isAnonymous>`, `<ipAddress>`, `<thread dsq:id/>`, `<parent dsq:id/>`).
 */

export type Format = 'wxr' | 'disqus';

export interface ParsedThread {
  /** The file's own key for the thread, which comments refer to. */
  key: string;
  link: string;
  title: string;
  /** WordPress: the post id; Disqus: the page's disqus_identifier (may be empty). */
  identifier: string;
  closed: boolean;
}

export type SourceState = 'approved' | 'pending' | 'spam' | 'trash' | 'deleted';

export interface ParsedComment {
  externalId: string;
  threadKey: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  /** The author's account in the old system (WordPress user id, Disqus username), if any. */
  authorAccount: string;
  createdAt: Date | null;
  html: string;
  /** The body was longer than the reader keeps and was cut. */
  htmlTruncated: boolean;
  state: SourceState;
  /** '' for an ordinary comment; WordPress's comment_type otherwise (pingback, trackback…). */
  kind: string;
  line: number;
}

export class ImportFileError extends Error {}

/** Longest comment body read (characters of HTML); the rest is dropped and the comment reported. */
export const MAX_BODY_CHARS = 1_000_000;
const MAX_FIELD_CHARS = 4096;
const MAX_NESTING = 64;

const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/[\d.]+\/$/;
const DSQ_NAMESPACE = 'http://disqus.com/disqus-internals';

type Fields = Map<string, string>;

interface Capture {
  name: string;
  depth: number;
  value: string;
  limit: number;
  truncated: boolean;
}

export class ExportReader {
  readonly threads: ParsedThread[] = [];
  readonly comments: ParsedComment[] = [];
  /** The site the file comes from (WXR's base_site_url or channel link; Disqus's forum). */
  site = '';
  format: Format | undefined;
  readonly #parser: SaxesParser<{xmlns: true; position: true; fileName: string}>;
  readonly #path: string[] = [];
  #capture: Capture | null = null;
  #item: {key: string; fields: Fields} | null = null;
  #comment: {fields: Fields; line: number; truncated: boolean} | null = null;
  #items = 0;
  #started = false;

  constructor(fileName: string, forced?: Format) {
    this.format = forced;
    this.#parser = new SaxesParser({xmlns: true, position: true, fileName});
    this.#parser.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
        this.#fail(`the file is in ${decl.encoding}; convert it to UTF-8 first (iconv -f ${decl.encoding} -t UTF-8)`);
      }
    });
    this.#parser.on('opentag', (tag) => this.#open(tag));
    this.#parser.on('closetag', () => this.#close());
    this.#parser.on('text', (text) => this.#text(text));
    this.#parser.on('cdata', (text) => this.#text(text));
  }

  write(chunk: string): void {
    if (!this.#started) {
      this.#started = true;
      chunk = chunk.replace(/^\uFEFF/, '');
    }
    this.#asFileError(() => this.#parser.write(chunk));
  }

  close(): void {
    this.#asFileError(() => this.#parser.close());
    if (!this.format) this.#fail('the file is empty');
  }

  /** saxes reports malformed XML as a plain Error whose message starts with file:line:column. */
  #asFileError(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      const message = (error as Error).message;
      // saxes reads a bare `&` as the start of a reference up to the next `;`, so the error
      // it gives is an unclosed tag further on.
      throw new ImportFileError(/unclosed tag/.test(message) ? `${message} (or a bare "&" before it, which XML wants written &amp;)` : message);
    }
  }

  get line(): number {
    return this.#parser.line;
  }

  #fail(message: string): never {
    throw new ImportFileError(this.#parser.makeError(message).message);
  }

  #open(tag: SaxesTagNS): void {
    const name = tag.uri && WP_NAMESPACE.test(tag.uri) ? `wp:${tag.local}` : tag.local;
    this.#path.push(name);
    const depth = this.#path.length;
    if (depth > MAX_NESTING) this.#fail(`elements are nested more than ${MAX_NESTING} deep`);
    if (depth === 1) {
      const found: Format | undefined = name === 'rss' ? 'wxr' : name === 'disqus' ? 'disqus' : undefined;
      if (!this.format) {
        if (!found) this.#fail(`this is neither a WordPress export (WXR, <rss>) nor a Disqus export (<disqus>): its root element is <${tag.name}>`);
        this.format = found;
      }
      return;
    }
    if (this.#capture) return; // markup inside a field: its text still counts
    if (this.format === 'wxr') this.#openWxr(name, depth);
    else this.#openDisqus(tag, name, depth);
  }

  #openWxr(name: string, depth: number): void {
    const where = this.#path.join('/');
    if (where === 'rss/channel/item') {
      this.#item = {key: `item:${++this.#items}`, fields: new Map()};
    } else if (where === 'rss/channel/item/wp:comment') {
      this.#comment = {fields: new Map(), line: this.#parser.line, truncated: false};
    } else if (this.#comment && depth === 5 && name.startsWith('wp:comment_')) {
      this.#startCapture(name, depth, name === 'wp:comment_content' ? MAX_BODY_CHARS : MAX_FIELD_CHARS);
    } else if (this.#item && !this.#comment && depth === 4) {
      this.#startCapture(name, depth, MAX_FIELD_CHARS);
    } else if (depth === 3 && (name === 'wp:base_site_url' || name === 'link')) {
      this.#startCapture(name, depth, MAX_FIELD_CHARS);
    }
  }

  #openDisqus(tag: SaxesTagNS, name: string, depth: number): void {
    const dsqId = Object.values(tag.attributes).find((attribute) => attribute.uri === DSQ_NAMESPACE && attribute.local === 'id')?.value ?? '';
    if (depth === 2 && name === 'thread') {
      this.#item = {key: dsqId, fields: new Map()};
    } else if (depth === 2 && name === 'post') {
      this.#comment = {fields: new Map([['dsq:id', dsqId]]), line: this.#parser.line, truncated: false};
    } else if (this.#comment && depth === 3 && (name === 'thread' || name === 'parent')) {
      this.#comment.fields.set(`${name}:dsq:id`, dsqId);
    } else if (this.#comment && ((depth === 3 && name !== 'author') || (depth === 4 && this.#path[2] === 'author'))) {
      this.#startCapture(this.#path.slice(2).join('/'), depth, name === 'message' ? MAX_BODY_CHARS : MAX_FIELD_CHARS);
    } else if (this.#item && depth === 3) {
      this.#startCapture(name, depth, MAX_FIELD_CHARS);
    }
  }

  #startCapture(name: string, depth: number, limit: number): void {
    this.#capture = {name, depth, value: '', limit, truncated: false};
  }

  #text(text: string): void {
    const capture = this.#capture;
    if (!capture || capture.truncated) return;
    if (capture.value.length + text.length > capture.limit) {
      capture.value += text.slice(0, capture.limit - capture.value.length);
      capture.truncated = true;
    } else {
      capture.value += text;
    }
  }

  #close(): void {
    const depth = this.#path.length;
    const name = this.#path.pop()!;
    const capture = this.#capture;
    if (capture) {
      if (depth !== capture.depth) return;
      this.#capture = null;
      if (this.#comment) {
        this.#comment.fields.set(capture.name, capture.value);
        if (capture.truncated && capture.limit === MAX_BODY_CHARS) this.#comment.truncated = true;
      } else if (this.#item) {
        this.#item.fields.set(capture.name, capture.value);
      } else if (capture.name === 'wp:base_site_url' || (capture.name === 'link' && !this.site)) {
        this.site = capture.value.trim();
      }
      return;
    }
    if (this.format === 'wxr') {
      if (depth === 4 && name === 'wp:comment' && this.#comment && this.#item) {
        this.comments.push(wxrComment(this.#comment.fields, this.#item.key, this.#comment.line, this.#comment.truncated));
        this.#comment = null;
      } else if (depth === 3 && name === 'item' && this.#item) {
        const fields = this.#item.fields;
        this.threads.push({
          key: this.#item.key,
          link: field(fields, 'link') || field(fields, 'guid'),
          title: fields.get('title') ?? '',
          identifier: field(fields, 'wp:post_id'),
          closed: field(fields, 'wp:comment_status') === 'closed',
        });
        this.#item = null;
      }
    } else if (depth === 2 && name === 'post' && this.#comment) {
      this.comments.push(disqusComment(this.#comment.fields, this.#comment.line, this.#comment.truncated));
      this.#comment = null;
    } else if (depth === 2 && name === 'thread' && this.#item) {
      const fields = this.#item.fields;
      if (!this.site) this.site = field(fields, 'forum');
      this.threads.push({
        key: this.#item.key,
        link: field(fields, 'link'),
        title: fields.get('title') ?? '',
        identifier: field(fields, 'id'),
        closed: field(fields, 'isClosed') === 'true',
      });
      this.#item = null;
    }
  }
}

function field(fields: Fields, name: string): string {
  return (fields.get(name) ?? '').trim();
}

function wxrComment(fields: Fields, threadKey: string, line: number, truncated: boolean): ParsedComment {
  const approved = field(fields, 'wp:comment_approved').toLowerCase();
  const state: SourceState =
    approved === '1' || approved === 'approve' || approved === 'approved' ? 'approved'
    : approved === 'spam' ? 'spam'
    : approved === 'trash' || approved === 'post-trashed' ? 'trash'
    : 'pending';
  const parent = field(fields, 'wp:comment_parent');
  const kind = field(fields, 'wp:comment_type').toLowerCase();
  const userId = field(fields, 'wp:comment_user_id');
  return {
    externalId: field(fields, 'wp:comment_id'),
    threadKey,
    parentId: parent && parent !== '0' ? parent : null,
    authorName: fields.get('wp:comment_author') ?? '',
    authorEmail: field(fields, 'wp:comment_author_email'),
    authorUrl: field(fields, 'wp:comment_author_url'),
    authorIp: field(fields, 'wp:comment_author_IP'),
    authorAccount: userId && userId !== '0' ? `user:${userId}` : '',
    createdAt: wpDate(field(fields, 'wp:comment_date_gmt')) ?? wpDate(field(fields, 'wp:comment_date')),
    html: fields.get('wp:comment_content') ?? '',
    htmlTruncated: truncated,
    state,
    kind: kind === 'comment' ? '' : kind,
    line,
  };
}

function disqusComment(fields: Fields, line: number, truncated: boolean): ParsedComment {
  const yes = (name: string) => field(fields, name) === 'true';
  const anonymous = yes('author/isAnonymous');
  const username = field(fields, 'author/username');
  const state: SourceState = yes('isSpam') ? 'spam' : yes('isDeleted') ? 'deleted' : field(fields, 'isApproved') === 'false' ? 'pending' : 'approved';
  const createdAt = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(field(fields, 'createdAt')) ? new Date(field(fields, 'createdAt')) : null;
  return {
    externalId: field(fields, 'dsq:id'),
    threadKey: field(fields, 'thread:dsq:id'),
    parentId: field(fields, 'parent:dsq:id') || null,
    authorName: fields.get('author/name') ?? '',
    authorEmail: field(fields, 'author/email'),
    authorUrl: '',
    authorIp: field(fields, 'ipAddress'),
    authorAccount: !anonymous && username ? `user:${username}` : '',
    createdAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : null,
    html: fields.get('message') ?? '',
    htmlTruncated: truncated,
    state,
    kind: '',
    line,
  };
}

/** WordPress's `YYYY-MM-DD HH:MM:SS` (the _gmt fields are UTC); its all-zero date means none. */
function wpDate(value: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$/.exec(value);
  if (!match || match[1] === '0000') return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? null : date;
}
