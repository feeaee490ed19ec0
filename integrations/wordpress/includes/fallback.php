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
add_filter( 'comments_template_query_args', 'colloquy_newest_page_offset' );

/**
 * The threaded query of one post's top-level comments (comments_template() for classic
 * themes, the Comment Template block for block themes) gets the orphaned replies too, which
 * WordPress then lists at the top level with their own replies. With pages, orphans count
 * as top-level comments: each page lists its share of both, in date order, and the number
 * of pages (which the theme's page links read) counts them, so every page together still
 * lists every approved comment.
 *
 * @param WP_Comment[]|int[] $comments The top-level comments found.
 * @param WP_Comment_Query   $query    The query.
 * @return WP_Comment[]|int[]
 */
function colloquy_add_orphaned_replies( $comments, $query ) {
	$vars = $query->query_vars;
	if ( 'threaded' !== $vars['hierarchical'] || empty( $vars['post_id'] ) || ! empty( $vars['count'] )
		|| 'ids' === $vars['fields'] || 'approve' !== $vars['status'] || ! colloquy_is_enabled_for( (int) $vars['post_id'] ) ) {
		return $comments;
	}
	$orphans = colloquy_orphaned_replies( (int) $vars['post_id'] );
	if ( ! $orphans ) {
		return $comments;
	}
	$asc    = 'DESC' !== strtoupper( (string) $vars['order'] );
	$number = (int) $vars['number'];
	if ( ! $number ) {
		return colloquy_by_date( array_merge( array_map( 'get_comment', $comments ), $orphans ), $asc );
	}
	// A page of the post's roots (top-level comments and orphans), cut as WordPress cuts its pages.
	$top_level = get_comments(
		array(
			'post_id' => (int) $vars['post_id'],
			'status'  => 'approve',
			'parent'  => 0,
			'orderby' => 'comment_date_gmt',
			'order'   => 'ASC',
		)
	);
	$roots  = colloquy_by_date( array_merge( $top_level, $orphans ), $asc );
	$offset = (int) $vars['offset'] ? (int) $vars['offset'] : $number * max( 0, (int) $vars['paged'] - 1 );
	$query->found_comments = count( $roots );
	$query->max_num_pages  = (int) ceil( count( $roots ) / $number );
	return array_slice( $roots, $offset, $number );
}

/**
 * A classic theme's first page, when the newest comments come first, is the last page:
 * WordPress finds its offset from the top-level count alone, which leaves out orphans.
 *
 * @param array $args comments_template()'s query arguments.
 * @return array
 */
function colloquy_newest_page_offset( $args ) {
	if ( empty( $args['number'] ) || empty( $args['post_id'] ) || get_query_var( 'cpage' ) || 'oldest' === get_option( 'default_comments_page' )
		|| empty( $args['hierarchical'] ) || ! colloquy_is_enabled_for( (int) $args['post_id'] ) ) {
		return $args;
	}
	$top_level = (int) get_comments(
		array(
			'post_id' => (int) $args['post_id'],
			'status'  => 'approve',
			'parent'  => 0,
			'count'   => true,
		)
	);
	$roots          = $top_level + count( colloquy_orphaned_replies( (int) $args['post_id'] ) );
	$args['offset'] = max( 0, ( (int) ceil( $roots / (int) $args['number'] ) - 1 ) * (int) $args['number'] );
	return $args;
}

/**
 * Approved replies whose parent is not shown, oldest first.
 *
 * @param int $post_id The post.
 * @return WP_Comment[]
 */
function colloquy_orphaned_replies( $post_id ) {
	$approved = get_comments(
		array(
			'post_id'      => $post_id,
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
	return $orphans;
}

/**
 * Comments in date order (then by id, as WordPress breaks ties).
 *
 * @param WP_Comment[] $comments The comments.
 * @param bool         $asc      Oldest first.
 * @return WP_Comment[]
 */
function colloquy_by_date( $comments, $asc ) {
	usort(
		$comments,
		function ( $a, $b ) use ( $asc ) {
			$order = strcmp( $a->comment_date_gmt, $b->comment_date_gmt ) ?: ( (int) $a->comment_ID - (int) $b->comment_ID );
			return $asc ? $order : -$order;
		}
	);
	return $comments;
}
