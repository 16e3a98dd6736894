// The index page of a folder of charts: every boot window, the recent ones compared, as one HTML document.
export { indexPageHtml, THUMBNAIL_WIDTH } from './page.js';
export { mostRecent, newestFirst, windowStart, type IndexPage, type PageDiagnostic, type PageWindow } from './model.js';
export { escapeHtml, fileHref } from './html.js';
