export { LitElement, html, css, nothing, render, svg } from 'lit';
export { live } from 'lit/directives/live.js';
