// lit-html without the parts of it the widgets never use: used by the build (rollup.config.mjs) and by
// the browser tests (web-test-runner.config.mjs), so that the tests run the lit-html that ships.
/**
 * lit-html without the parts of it the widgets never use, cut from its production build at build time
 * (issue #13's byte budget: lit-html is about 3 KB of every page). Each cut is an exact piece of
 * lit-html 3.3.3's lit-html.js, which must be found exactly once: another version of lit-html fails
 * the build here, to be checked again, rather than ship a half-cut library. What goes, with why the
 * widgets can do without it:
 * - svg`` and mathml`` templates (the widgets render HTML only; the tags throw);
 * - bindings inside raw-text elements (<script>, <style>, <textarea>, <title>) and inside comments
 *   (no template has any: the form's <textarea> binds its attributes and `.value` only);
 * - element bindings (`<div ${ref(...)}>`: no template has one);
 * - the hooks of asynchronous directives and of Lit's own element (`isConnected`, `setConnected`,
 *   disconnection notices): the widgets use `live` only, a synchronous directive, and their own base element;
 * - directives' read-only views of a part (`parentNode`, `startNode`, `endNode`, `tagName`): `live` reads `element` and `name`;
 * - `creationScope` (scoped custom element registries), templates precompiled by Lit's compiler,
 *   event listener objects and per-listener options (every listener is a function);
 * - the polyfill hook and the global list of loaded lit-html versions (for Lit's development warnings).
 * Kept: trusted types, the check that template strings come from a tagged literal, directives.
 */
export const LIT_CUTS = [
  ['let n,l=2===i?"<svg>":3===i?"<math>":"",c=v;', 'let l="",c=v;'],
  ['(y.test(u[2])&&(n=RegExp("</"+u[2],"g")),c=p)', '(c=p)'],
  ['c=n??v,d=-1', 'c=v,d=-1'],
  [':(c=p,n=void 0)', ':c=p'],
  ['+(2===i?"</svg>":3===i?"</math>":"")', ''],
  ['if(this.el=S.createElement(f,e),P.currentNode=this.el.content,2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}', 'this.el=S.createElement(f,e),P.currentNode=this.el.content;'],
  ['r.removeAttribute(t)}else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t));if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}}', 'r.removeAttribute(t)}}'],
  ['else if(8===r.nodeType)if(r.data===n)d.push({type:2,index:l});else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}l++', 'else 8===r.nodeType&&r.data===n&&d.push({type:2,index:l});l++'],
  ['h?._$AO?.(!1),', ''],
  ['this._$AV=[],this._$AN=void 0,this._$AD=t', 'this._$AV=[],this._$AD=t'],
  ['get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}', ''],
  ['(t?.creationScope??l).importNode(i,!0)', 'l.importNode(i,!0)'],
  [':1===r.type?i=new r.ctor(h,r.name,r.strings,this,t):6===r.type&&(i=new Z(h,this,t))', ':i=new r.ctor(h,r.name,r.strings,this,t)'],
  ['get _$AU(){return this._$AM?._$AU??this._$Cv}', ''],
  ['this._$AH=A,this._$AN=void 0,this._$AA=t', 'this._$AH=A,this._$AA=t'],
  [',this._$Cv=e?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}', '}'],
  ['e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)', 'e=this._$AC(t)'],
  ['for(this._$AP?.(!1,!0,s);t!==this._$AB;)', 'for(;t!==this._$AB;)'],
  ['setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', ''],
  ['get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}', ''],
  ['this._$AH=A,this._$AN=void 0,this.element=t', 'this._$AH=A,this.element=t'],
  ['e=t===A&&s!==A||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive', 'e=t===A&&s!==A'],
  ['"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)', 'this._$AH.call(this.options?.host??this.element,t)'],
  ['class Z{constructor(t,i,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){M(this,t)}}', ''],
  [',U:z,B:I,F:Z}', ',U:z,B:I}'],
  [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';'],
  ['w=x(2),T=x(3)', 'w=()=>{throw Error("svg`` and mathml`` are cut from this lit-html (widgets/scripts/lit-cuts.mjs)")},T=w'],
];

/** Whether `id` (a resolved path) is lit-html's production build, the file LIT_CUTS applies to. */
export const isLitHtml = (id) => id.replace(/\\/g, '/').endsWith('/node_modules/lit-html/lit-html.js');

/** `code` (lit-html.js) with every cut of LIT_CUTS made; `fail(message)` (which throws) when a cut is not found exactly once. */
export const cutLitHtml = (code, fail) => {
  for (const [from, to] of LIT_CUTS) {
    const i = code.indexOf(from);
    if (i < 0 || code.indexOf(from, i + 1) >= 0) fail(`lit-html is not the version whose unused parts scripts/lit-cuts.mjs cuts: ${from} is not found exactly once`);
    code = code.slice(0, i) + to + code.slice(i + from.length);
  }
  return code;
};
