/**
 * The two small scripts of WordPress's embed protocol (WordPress 4.4+, wp-includes/js/wp-embed.js on
 * the host page and wp-includes/js/wp-embed-template.js in the embedded page), so that a public page
 * in an iframe is sized to its content on a WordPress site, and on any site that includes HOST_JS:
 *
 * - the host gives each `iframe.wp-embedded-content` a 10-character alphanumeric secret, in its
 *   `data-secret` attribute and in the frame's URL (`#?secret=...`), and posts `{message: 'ready', secret}`;
 * - the embedded page reads the secret from its URL and posts `{message: 'height', value, secret}` (its
 *   body's height in CSS pixels) on load, on resize and on `ready`; the host sets the iframe's height
 *   (clamped to 200..1000 by WordPress), removes its hiding style and hides the `<blockquote>` fallback
 *   with the same secret;
 * - a click on a link in the embedded page posts `{message: 'link', value: href, secret}`; the host
 *   navigates its top window there when the link is on the iframe's host and the iframe has focus.
 *
 * Ours also posts the height when the widget's rendering changes it (ResizeObserver), and finds links
 * inside the widgets' shadow roots (`composedPath`). Both are plain ES5 classic scripts (no module,
 * no ampersands, as WordPress requires of wp-embed.js), served as files: the pages allow no inline script.
 */

/** The script of the embedded page (served at /embed/frame.js). */
export const FRAME_JS = `(function (window, document) {
  'use strict';
  if (!document.querySelector || !window.addEventListener || window.self === window.top) return;
  var secret = '', timer, resizing;
  function send(message, value) {
    window.parent.postMessage({ message: message, value: value, secret: secret }, '*');
  }
  function sendHeight() {
    if (document.body) send('height', Math.ceil(document.body.getBoundingClientRect().height));
  }
  function getSecret() {
    if (secret) return;
    var match = /secret=([A-Za-z0-9]{10})/.exec(window.location.hash);
    if (match) { secret = match[1]; sendHeight(); return; }
    timer = setTimeout(getSecret, 100);
  }
  function onResize() {
    clearTimeout(resizing);
    resizing = setTimeout(sendHeight, 100);
  }
  function onLoad() {
    sendHeight();
    if (window.ResizeObserver && document.body) new window.ResizeObserver(onResize).observe(document.body);
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || event.source !== window.parent || !(data.secret || data.message)) return;
    if (data.secret !== secret) return;
    if (data.message === 'ready') sendHeight();
  }, false);
  document.addEventListener('click', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    var path = event.composedPath ? event.composedPath() : [event.target];
    for (var i = 0; i < path.length; i++) {
      var node = path[i];
      if (node && node.tagName === 'A' && node.href) {
        if (node.target === '_blank' || !/^https?:$/.test(node.protocol)) return;
        send('link', node.href);
        event.preventDefault();
        return;
      }
    }
  }, false);
  window.addEventListener('resize', onResize, false);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onLoad, false);
  else onLoad();
  window.addEventListener('load', sendHeight, false);
  getSecret();
})(window, document);
`;

/**
 * The script of a host page that is not WordPress (served at /embed/host.js, referenced by the oEmbed
 * html): the same receiver as WordPress's wp-embed.js, and none at all when that one is already there
 * (`window.wp.receiveEmbedMessage`).
 */
export const HOST_JS = `(function (window, document) {
  'use strict';
  if (!document.querySelector || !window.addEventListener) return;
  window.wp = window.wp || {};
  if (window.wp.receiveEmbedMessage) return;
  window.wp.receiveEmbedMessage = function (e) {
    var data = e.data;
    if (!data || !(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    var iframes = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    var quotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
    var i, source, height, from, to;
    for (i = 0; i < quotes.length; i++) quotes[i].style.display = 'none';
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      if (data.message === 'height') {
        height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        source.height = height;
      }
      if (data.message === 'link') {
        from = document.createElement('a');
        to = document.createElement('a');
        from.href = source.getAttribute('src');
        to.href = data.value;
        if (!/^https?:$/i.test(to.protocol)) continue;
        if (to.host === from.host && document.activeElement === source) window.top.location.href = data.value;
      }
    }
  };
  var loaded = false;
  function onLoad() {
    if (loaded) return;
    loaded = true;
    var iframes = document.querySelectorAll('iframe.wp-embedded-content'), i, source, secret;
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      secret = source.getAttribute('data-secret');
      if (!secret) {
        secret = Math.random().toString(36).substr(2, 10);
        source.src += '#?secret=' + secret;
        source.setAttribute('data-secret', secret);
      }
      source.contentWindow.postMessage({ message: 'ready', secret: secret }, '*');
    }
  }
  window.addEventListener('message', window.wp.receiveEmbedMessage, false);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onLoad, false);
  else onLoad();
  window.addEventListener('load', onLoad, false);
})(window, document);
`;
