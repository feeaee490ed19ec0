// The thread every contestant of scripts/bench-compare.mjs shows, and the floor's markup.

/**
 * N comments as the REST protocol sends them: a third top-level, replies chained up to 5
 * deep. `roots` holds each conversation (its top-level comment first), in order, which is
 * how a paging server hands them out.
 */
export function thread(count) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const comments = [];
  let rootId = null;
  let parentId = null;
  let depth = 0;
  for (let index = 0; index < count; index++) {
    const id = `c${index}`;
    if (index % 3 === 0 || rootId === null) {
      rootId = id;
      parentId = null;
      depth = 1;
    } else if (depth >= 5) {
      parentId = rootId;
      depth = 2;
    } else {
      depth++;
    }
    comments.push({
      id,
      parentId,
      author: {name: `Person ${index % 97}`, ...(index % 4 === 0 ? {profileUrl: `https://example.com/${index}`} : {})},
      createdAt: new Date(start + index * 60_000).toISOString(),
      content: {kind: 'text', value: `Comment number ${index} with a link https://example.com/${index}.\n\nAnd a second paragraph.`},
      status: 'approved',
      replyCount: 0,
      viewerCan: {reply: true, edit: false, delete: false},
    });
    parentId = id;
  }
  const roots = [];
  for (const comment of comments) {
    if (comment.parentId === null) roots.push([comment]);
    else roots.at(-1).push(comment);
  }
  return {count, comments, roots};
}

/**
 * The final markup of `comments`, nested, as the reference Lit component renders it
 * (scripts/bench-lit-thread.js) without Lit's markers: what `innerHTML` is timed on.
 * Self-contained, so the page that fetches its own data runs this same function.
 */
export function markup(comments) {
  const escape = (text) => String(text).replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
  const dates = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});
  const replies = new Map();
  const roots = [];
  for (const comment of comments) {
    if (comment.parentId === null) roots.push(comment);
    else if (replies.has(comment.parentId)) replies.get(comment.parentId).push(comment);
    else replies.set(comment.parentId, [comment]);
  }
  const list = (items) => `<ol>${items.map(item).join('')}</ol>`;
  const item = (comment) => {
    const name = escape(comment.author.name);
    const author = comment.author.profileUrl ? `<a href="${escape(comment.author.profileUrl)}" rel="ugc nofollow">${name}</a>` : name;
    const paragraphs = comment.content.value.split('\n\n').map((text) => `<p>${escape(text)}</p>`).join('');
    const time = `<time datetime="${escape(comment.createdAt)}">${escape(dates.format(new Date(comment.createdAt)))}</time>`;
    const nested = replies.has(comment.id) ? list(replies.get(comment.id)) : '';
    return `<li><article id="${escape(comment.id)}"><header>${author} ${time}</header>${paragraphs}<button type="button">Reply</button></article>${nested}</li>`;
  };
  return list(roots);
}
