export { html, nothing, render } from 'lit-html';
