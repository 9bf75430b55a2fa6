// A page reached by a link opens at its top.
// Material's instant navigation scrolls a page it has just fetched to the offset stored in the
// page's history entry; a new entry has none, which means the top. But Material stores the offset
// 100 ms after the last scroll, into whichever entry is current by then: after a click sooner than
// that (scrolling down to the footer and clicking "next"), on a network slower than those 100 ms,
// the old page's offset lands in the new page's entry, and the new page opened thousands of pixels
// down. Back and forward (entries with a stored offset) and links to a #fragment are left to Material.
(() => {
  "use strict";
  if (typeof location$ === "undefined" || typeof document$ === "undefined") return; // no instant navigation
  let toTop = false;
  // Runs after Material's own scrolling, which subscribed first. (Subscribed before location$, which
  // may replay the current address: document$ replays the current page, which must not scroll.)
  document$.subscribe(() => {
    if (!toTop) return;
    toTop = false;
    scrollTo({ top: 0, behavior: "instant" });
  });
  // Material pushes a link's new entry, with no state, before it emits the new location.
  location$.subscribe((url) => {
    toTop = history.state === null && !url.hash;
  });
})();
