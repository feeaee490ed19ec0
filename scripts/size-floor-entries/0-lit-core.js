// For reference in `npm run size:floor`: Lit's core alone (an element, its templates and
// styles), what is usually quoted as Lit's size.
export {LitElement, css, html} from 'lit';
