// The benchmark's reference widget (scripts/bench-compare.mjs): what a small Lit component
// with keyed `repeat` costs for the same thread. Fetches the whole thread in one request,
// renders it nested, one update. Bundled with Lit by esbuild when the benchmark starts.
import {LitElement, css, html} from 'lit';
import {repeat} from 'lit/directives/repeat.js';

const dates = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});

class LitThread extends LitElement {
  static properties = {src: {}, roots: {state: true}};
  static styles = css`
    ol { list-style: none; margin: 0; padding-inline-start: 1.5rem; }
    article { padding-block: 0.5rem; }
    header { font-size: 0.875rem; }
    p { margin-block: 0.25rem; }
  `;

  constructor() {
    super();
    this.roots = [];
    this.repliesOf = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    const {comments} = await (await fetch(this.src)).json();
    this.repliesOf = new Map();
    const roots = [];
    for (const comment of comments) {
      if (comment.parentId === null) roots.push(comment);
      else (this.repliesOf.get(comment.parentId) ?? this.repliesOf.set(comment.parentId, []).get(comment.parentId)).push(comment);
    }
    this.roots = roots;
  }

  list(comments) {
    return html`<ol>${repeat(comments, (comment) => comment.id, (comment) => this.item(comment))}</ol>`;
  }

  item(comment) {
    const replies = this.repliesOf.get(comment.id);
    const author = comment.author.profileUrl
      ? html`<a href=${comment.author.profileUrl} rel="ugc nofollow">${comment.author.name}</a>`
      : comment.author.name;
    return html`<li><article id=${comment.id}><header>${author} <time datetime=${comment.createdAt}>${dates.format(new Date(comment.createdAt))}</time></header>${comment.content.value.split('\n\n').map((text) => html`<p>${text}</p>`)}<button type="button">Reply</button></article>${replies ? this.list(replies) : ''}</li>`;
  }

  render() {
    return this.list(this.roots);
  }
}

customElements.define('lit-thread', LitThread);
