<?php
/**
 * The fallback (the theme's own list) shows every approved comment, as Colloquy does.
 * WordPress's threaded lists walk down from top-level comments, so an approved reply whose
 * parent is no longer shown (trashed, marked as spam, held again) disappears from them with
 * all its replies: crawlers and visitors without JavaScript would never see it. Such replies
 * are listed at the top level instead, where Colloquy shows them under "This comment was
 * deleted."
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'the_comments', 'colloquy_add_orphaned_replies', 10, 2 );

/**
 * The threaded query of one post's top-level comments (comments_template() for classic
 * themes, the Comment Template block for block themes) gets the orphaned replies too, which
 * WordPress then lists at the top level with their own replies. Only when the comments are
 * on one page: with pages, where an orphan belongs is WordPress's to say.
 *
 * @param WP_Comment[]|int[] $comments The top-level comments found.
 * @param WP_Comment_Query   $query    The query.
 * @return WP_Comment[]|int[]
 */
function colloquy_add_orphaned_replies( $comments, $query ) {
	$vars = $query->query_vars;
	if ( 'threaded' !== $vars['hierarchical'] || empty( $vars['post_id'] ) || ! empty( $vars['number'] )
		|| 'ids' === $vars['fields'] || 'approve' !== $vars['status'] || ! colloquy_is_enabled_for( (int) $vars['post_id'] ) ) {
		return $comments;
	}
	$approved = get_comments(
		array(
			'post_id'      => (int) $vars['post_id'],
			'status'       => 'approve',
			'hierarchical' => false,
			'orderby'      => 'comment_date_gmt',
			'order'        => 'ASC',
		)
	);
	$shown = array();
	foreach ( $approved as $comment ) {
		$shown[ (int) $comment->comment_ID ] = true;
	}
	$orphans = array();
	foreach ( $approved as $comment ) {
		if ( $comment->comment_parent && ! isset( $shown[ (int) $comment->comment_parent ] ) ) {
			$orphans[] = $comment;
		}
	}
	if ( ! $orphans ) {
		return $comments;
	}
	$all = array_merge( array_map( 'get_comment', $comments ), $orphans );
	$asc = 'DESC' !== strtoupper( (string) $vars['order'] );
	usort(
		$all,
		function ( $a, $b ) use ( $asc ) {
			$order = strcmp( $a->comment_date_gmt, $b->comment_date_gmt ) ?: ( (int) $a->comment_ID - (int) $b->comment_ID );
			return $asc ? $order : -$order;
		}
	);
	return $all;
}
