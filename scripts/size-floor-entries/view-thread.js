// The minimal thread (minimal-thread.js) with each comment rendered by the product's
// per-comment renderer, comment-view.ts; what the thread's controllers would add to a
// comment (likes, the viewer's actions, moderation, long threads…) is left out, but for a
// static Like button.
import {nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {CommentView} from '../elements/comment-thread/comment-view.js';
import {likeButton, MinimalThread} from './minimal-thread.js';

const none = () => nothing;
const no = () => false;
const byId = (node) => node.comment.id;

export class ViewThread extends MinimalThread {
  #view = new CommentView(this.#context());

  renderComments(nodes, locale) {
    const budget = {left: Infinity};
    return repeat(nodes, byId, (node) => this.#view.renderNode(node, budget, locale, 0));
  }

  #context() {
    const thread = this;
    return {
      host: this,
      dateStyle: 'relative',
      replyingTo: null,
      targeted: undefined,
      get now() {
        return Date.now();
      },
      get info() {
        return thread.info;
      },
      get adapter() {
        return thread.adapter;
      },
      failedAvatars: new Set(),
      isOutgoing: no,
      progressive: {list: (nodes, budget, renderNode) => repeat(nodes, byId, (node) => renderNode(node, budget))},
      replyBatches: {hidden: () => 0, renderButton: none},
      replyFetches: {state: () => undefined},
      onMoreReplies: () => {},
      own: {isEditing: no, renderEditor: none, renderActions: none},
      moderation: {showsPending: no, renderNote: none, renderActions: none},
      reactions: {renderButtons: likeButton, renderMessage: none},
      newComments: {isNew: no},
      longThread: {isCollapsed: no, isClamped: no, renderShowMore: none, collapseLabel: () => 'Collapse thread', toggleCollapsed: () => {}},
      markdown: {render: () => undefined},
    };
  }
}
customElements.define('size-floor-view-thread', ViewThread);
