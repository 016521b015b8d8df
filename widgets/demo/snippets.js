/* global document, location */
// Show copy-ready snippets with this server's address (text only, never parsed as HTML).
for (const c of document.querySelectorAll('pre code')) c.textContent = c.textContent.replaceAll('{{origin}}', location.origin);
