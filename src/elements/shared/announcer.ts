let region: HTMLElement | undefined;

/**
 * Says `message` through one polite live region kept at the end of `<body>`. Elements
 * that may be gone a moment later (an inline reply form closes once its comment is
 * posted) cannot rely on a live region of their own, and one region for the page keeps
 * announcements from talking over each other.
 */
export function announce(message: string): void {
  if (!region?.isConnected) {
    region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.dataset['colloquyAnnouncer'] = '';
    // Visually hidden, still read: the same technique as the elements' `.visually-hidden`.
    Object.assign(region.style, {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    });
    document.body.append(region);
  }
  const target = region;
  // Screen readers announce a change, not a value: clear first so the same message
  // said twice in a row is heard twice, and add it after the empty state was noticed.
  target.textContent = '';
  setTimeout(() => {
    target.textContent = message;
  }, 100);
}
