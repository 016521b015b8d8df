export { LitElement, html, css, nothing } from 'lit';
