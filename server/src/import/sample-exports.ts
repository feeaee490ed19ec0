// Export files built as the formats' documentation describes them: WordPress's
// wp-admin/includes/export.php (WXR 1.2) and Disqus's XML export. For the import tests and
// the import benchmark (`npm run bench:import`); the server itself never uses them.

export interface WpComment {
  id: number;
  parent?: number;
  author?: string;
  email?: string;
  url?: string;
  ip?: string;
  /** comment_date_gmt, `YYYY-MM-DD HH:MM:SS` */
  date: string;
  content: string;
  approved?: string;
  type?: string;
  userId?: number;
}

export interface WpItem {
  title: string;
  link: string;
  postId: number;
  commentStatus?: 'open' | 'closed';
  comments: WpComment[];
}

/** WordPress's wxr_cdata(): a `]]>` inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function wxrHeader(site = 'https://blog.example'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.1" created="2024-09-01 10:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>A blog</title>
	<link>${site}</link>
	<description>Just another WordPress site</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('admin')}</wp:author_login></wp:author>
`;
}

export const WXR_FOOTER = '</channel>\n</rss>\n';

export function wxrItem(item: WpItem): string {
  return `	<item>
		<title>${escape(item.title)}</title>
		<link>${escape(item.link)}</link>
		<pubDate>Tue, 06 Aug 2024 10:00:00 +0000</pubDate>
		<dc:creator>${cdata('admin')}</dc:creator>
		<guid isPermaLink="false">${escape(item.link.replace(/\/[^/]*\/?$/, `/?p=${item.postId}`))}</guid>
		<description></description>
		<content:encoded>${cdata('<p>The post itself, which is not imported.</p>')}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${item.postId}</wp:post_id>
		<wp:post_date>${cdata('2024-08-06 10:00:00')}</wp:post_date>
		<wp:post_date_gmt>${cdata('2024-08-06 10:00:00')}</wp:post_date_gmt>
		<wp:comment_status>${cdata(item.commentStatus ?? 'open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(`post-${item.postId}`)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="news">${cdata('News')}</category>
		<wp:postmeta><wp:meta_key>${cdata('_edit_last')}</wp:meta_key><wp:meta_value>${cdata('1')}</wp:meta_value></wp:postmeta>
${item.comments.map(wxrComment).join('')}	</item>
`;
}

export function wxrComment(comment: WpComment): string {
  return `		<wp:comment>
			<wp:comment_id>${comment.id}</wp:comment_id>
			<wp:comment_author>${cdata(comment.author ?? '')}</wp:comment_author>
			<wp:comment_author_email>${cdata(comment.email ?? '')}</wp:comment_author_email>
			<wp:comment_author_url>${escape(comment.url ?? '')}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata(comment.ip ?? '')}</wp:comment_author_IP>
			<wp:comment_date>${cdata(comment.date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(comment.date)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(comment.content)}</wp:comment_content>
			<wp:comment_approved>${cdata(comment.approved ?? '1')}</wp:comment_approved>
			<wp:comment_type>${cdata(comment.type ?? 'comment')}</wp:comment_type>
			<wp:comment_parent>${comment.parent ?? 0}</wp:comment_parent>
			<wp:comment_user_id>${comment.userId ?? 0}</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key>${cdata('akismet_result')}</wp:meta_key>
				<wp:meta_value>${cdata('false')}</wp:meta_value>
			</wp:commentmeta>
		</wp:comment>
`;
}

export function wxr(items: WpItem[], site?: string): string {
  return wxrHeader(site) + items.map(wxrItem).join('') + WXR_FOOTER;
}

export interface DisqusThread {
  id: string;
  identifier?: string;
  link: string;
  title: string;
  closed?: boolean;
}

export interface DisqusPost {
  id: string;
  thread: string;
  parent?: string;
  message: string;
  createdAt: string;
  name?: string;
  email?: string;
  username?: string;
  anonymous?: boolean;
  deleted?: boolean;
  spam?: boolean;
  ip?: string;
}

export const DISQUS_HEADER = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">
<category dsq:id="1001"><forum>myblog</forum><title>General</title><isDefault>true</isDefault></category>
`;

export function disqusThread(thread: DisqusThread): string {
  return `<thread dsq:id="${thread.id}">
<id>${escape(thread.identifier ?? '')}</id>
<forum>myblog</forum>
<category dsq:id="1001" />
<link>${escape(thread.link)}</link>
<title>${escape(thread.title)}</title>
<message />
<createdAt>2024-08-06T10:00:00Z</createdAt>
<author><name>Site Owner</name><isAnonymous>false</isAnonymous><username>owner</username></author>
<isClosed>${thread.closed ? 'true' : 'false'}</isClosed>
<isDeleted>false</isDeleted>
</thread>
`;
}

export function disqusPost(post: DisqusPost): string {
  return `<post dsq:id="${post.id}">
<id />
<message>${cdata(post.message)}</message>
<createdAt>${post.createdAt}</createdAt>
<isDeleted>${post.deleted ? 'true' : 'false'}</isDeleted>
<isSpam>${post.spam ? 'true' : 'false'}</isSpam>
<author>
<email>${escape(post.email ?? '')}</email>
<name>${escape(post.name ?? '')}</name>
<isAnonymous>${post.anonymous ?? !post.username ? 'true' : 'false'}</isAnonymous>
${post.username ? `<username>${escape(post.username)}</username>` : ''}
</author>
<ipAddress>${post.ip ?? '127.0.0.1'}</ipAddress>
<thread dsq:id="${post.thread}" />
${post.parent ? `<parent dsq:id="${post.parent}" />` : ''}
</post>
`;
}

export function disqus(threads: DisqusThread[], posts: DisqusPost[]): string {
  return DISQUS_HEADER + threads.map(disqusThread).join('') + posts.map(disqusPost).join('') + '</disqus>\n';
}
