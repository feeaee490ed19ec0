/** The rel of every link a commenter wrote or gave: no ranking credit, no opener, no referrer. */
export const UGC_LINK_REL = 'nofollow ugc noopener noreferrer';

/**
 * The URL, normalized, when `value` is an absolute `http:` or `https:` URL; otherwise
 * undefined. Backend data is hostile: a `javascript:` profile URL must never become a
 * link, and Lit does not check the URLs it binds.
 */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
