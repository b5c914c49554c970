// The site's root URL, for the links the checker, the agent page and search make at run time (the
// display form's clause links, the search index and its results). The theme's config on every page
// says where the root is; these scripts sit in a content-hashed folder (assets/<hash>/…), so their own
// URLs do not. Imported in Node too (site_build/finish/search_rank.mjs), where there is no page.
export const siteRoot = (() => {
  const config = typeof document !== "undefined" ? document.getElementById("__config") : null;
  try {
    if (config) return new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href);
  } catch (error) { /* fall through: a page without the theme's config */ }
  return new URL("../", import.meta.url);
})();
