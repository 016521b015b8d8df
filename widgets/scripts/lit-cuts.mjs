// lit-html without the parts of it the widgets never use: used by the build (rollup.config.mjs) and by
// the browser tests (web-test-runner.config.mjs), so that the tests run the lit-html that ships.
/**
 * lit-html without the parts of it the widgets never use, cut from its production build at build time
 * (issue #13's byte budget: lit-html is about 3 KB of every page). Each cut is an exact piece of
 * lit-html 3.3.3's lit-html.js, which must be found exactly once: with another version of lit-html, a cut
 * whose pieces are not found is skipped with a build warning naming it (`cutLitHtml`), the size
 * budget catches the bytes, and test/unit/lit-cuts.test.ts fails until the cuts are checked again. What goes, with why the
 * widgets can do without it:
 * - svg`` and mathml`` templates (the widgets render HTML only; the tags throw);
 * - bindings inside raw-text elements (<script>, <style>, <textarea>, <title>) and inside comments
 *   (no template has any: the form's <textarea> binds its attributes and `.value` only);
 * - element bindings (`<div ${ref(...)}>`: no template has one);
 * - directives: no widget uses one (the form, which used `live`, renders again at every input instead:
 *   src/components/submit-practice); a directive's value would be shown as text. So go the hooks of
 *   asynchronous directives and of Lit's own element (`isConnected`, `setConnected`, disconnection notices;
 *   the widgets have their own base element) and directives' read-only views of a part (`parentNode`,
 *   `startNode`, `endNode`, `tagName`); test/unit/lit-cuts.test.ts checks that no source imports one;
 * - render()'s `renderBefore` option (the base element renders into its shadow root alone);
 * - `creationScope` (scoped custom element registries), templates precompiled by Lit's compiler,
 *   event listener objects and per-listener options (every listener is a function);
 * - the polyfill hook and the global list of loaded lit-html versions (for Lit's development warnings), the
 *   ShadyDOM polyfill's node wrapper;
 * - child values that are iterables but not arrays (Sets, generators: every list a widget renders is an array);
 * - attribute values of several parts (`part="badge ${x}"`, `id=${a}-${b}`): every binding is a whole value
 *   (`part=${'badge ' + x}`), which test/unit/lit-cuts.test.ts checks in every template; such a value would misplace the values bound after it.
 * Some cuts only write the same code shorter (class fields for constructors that set a type, a check
 * that changes nothing). Kept: trusted types, the check that template strings come from a tagged literal.
 */
export const LIT_CUTS = [
  [
    'svg``/mathml`` wrappers and the end of raw-text elements in the template parser',
    [
      ['let n,l=2===i?"<svg>":3===i?"<math>":"",c=v;', 'let l="",c=v;'],
      ['(y.test(u[2])&&(n=RegExp("</"+u[2],"g")),c=p)', '(c=p)'],
      ['c=n??v,d=-1', 'c=v,d=-1'],
      [':(c=p,n=void 0)', ':c=p'],
    ],
  ],
  ['svg``/mathml`` closing tags', [['+(2===i?"</svg>":3===i?"</math>":"")', '']]],
  [
    'svg``/mathml`` template unwrapping, and the static Template.createElement (for templates precompiled by Lit\'s compiler): inlined',
    [
      ['if(this.el=S.createElement(f,e),P.currentNode=this.el.content,2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}', '(this.el=document.createElement("template")).innerHTML=f,P.currentNode=this.el.content;'],
      ['static createElement(t,i){const s=l.createElement("template");return s.innerHTML=t,s}', ''],
    ],
  ],
  ['bindings inside raw-text elements and element bindings (parser)', [['r.removeAttribute(t)}else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t));if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}}', 'r.removeAttribute(t)}}']]],
  ['bindings inside comments', [['else if(8===r.nodeType)if(r.data===n)d.push({type:2,index:l});else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}l++', 'else 8===r.nodeType&&r.data===n&&d.push({type:2,index:l});l++']]],
  [
    'directives (resolving them, with the arguments only they read: a part\'s directive parent, the no-commit flag; and `_$LH`\'s resolveDirective): no widget uses one; and attribute values of several parts (`part="a ${b}"`, two bindings in one value: no template has one), whose update is written in the same pieces',
    [
      ['function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}', ''],
      ['void 0!==s&&(void 0!==s.strings?(s._$AI(t,s,i),i+=s.strings.length-2):s._$AI(t[i])),i++', 's._$AI(t[i++])'],
      ['_$AI(t,i=this){t=M(this,t,i),a(t)?', '_$AI(t){a(t)?'],
      [
        '_$AI(t,i=this,s,e){const h=this.strings;let o=!1;if(void 0===h)t=M(this,t,i,0),o=!a(t)||t!==this._$AH&&t!==E,o&&(this._$AH=t);else{const e=t;let n,r;for(t=h[0],n=0;n<h.length-1;n++)r=M(this,e[s+n],i,n),r===E&&(r=this._$AH[n]),o||=!a(r)||r!==this._$AH[n],r===A?t=A:t!==A&&(t+=(r??"")+h[n+1]),this._$AH[n]=r}o&&!e&&this.j(t)}',
        '_$AI(t){(!a(t)||t!==this._$AH&&t!==E)&&this.j(this._$AH=t)}',
      ],
      ['_$AI(t,i=this){if((t=M(this,t,i,0)??A)===E)return;', '_$AI(t){if((t??=A)===E)return;'],
      [',D:d,V:M,I:k,', ',D:d,I:k,'],
    ],
  ],
  ['async directives: a template instance\'s children list', [['this._$AV=[],this._$AN=void 0,this._$AD=t', 'this._$AV=[],this._$AD=t']]],
  ['directives\' views of a template instance (parentNode, _$AU)', [['get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}', '']]],
  ['creationScope (scoped custom element registries)', [['(t?.creationScope??l).importNode(i,!0)', 'l.importNode(i,!0)']]],
  ['element parts (template instance)', [[':1===r.type?i=new r.ctor(h,r.name,r.strings,this,t):6===r.type&&(i=new Z(h,this,t))', ':i=new r.ctor(h,r.name,r.strings,this,t)']]],
  ['async directives: a child part\'s connection state', [['get _$AU(){return this._$AM?._$AU??this._$Cv}', '']]],
  ['async directives: a child part\'s children list', [['this._$AH=A,this._$AN=void 0,this._$AA=t', 'this._$AH=A,this._$AA=t']]],
  ['a child part\'s connection flag and views (parentNode, startNode, endNode)', [[',this._$Cv=e?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}', '}']]],
  ['templates precompiled by Lit\'s compiler', [['e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)', 'e=this._$AC(t)']]],
  ['async directives: disconnection of removed child parts', [['for(this._$AP?.(!1,!0,s);t!==this._$AB;)', 'for(;t!==this._$AB;)']]],
  ['setConnected (Lit\'s own element)', [['setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', '']]],
  ['directives\' views of an attribute part (tagName, _$AU)', [['get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}', '']]],
  ['async directives: an attribute part\'s children list (and its first value, set again by the constructor)', [['this._$AH=A,this._$AN=void 0,this.element=t', 'this.element=t']]],
  ['per-listener options (capture, once, passive)', [['e=t===A&&s!==A||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive', 'e=t===A&&s!==A']]],
  ['event listener objects (handleEvent)', [['"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)', 'this._$AH.call(this.options?.host??this.element,t)']]],
  [
    'the element part class',
    [
      ['class Z{constructor(t,i,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){M(this,t)}}', ''],
      [',U:z,B:I,F:Z}', ',U:z,B:I}'],
    ],
  ],
  ['render()\'s `renderBefore` option and its default options (the base element renders into its shadow root, with its options)', [['const D=(t,i,s)=>{const e=s?.renderBefore??i;let h=e._$litPart$;if(void 0===h){const t=s?.renderBefore??null;e._$litPart$=h=new k(i.insertBefore(c(),t),t,void 0,s??{})}', 'const D=(t,i,s)=>{let h=i._$litPart$;if(void 0===h){i._$litPart$=h=new k(i.insertBefore(c(),null),null,void 0,s)}']]],
  [
    'the constructors of the property, boolean attribute and event parts, which only set their type: class fields',
    [
      ['class I extends H{constructor(){super(...arguments),this.type=3}', 'class I extends H{type=3;'],
      ['class L extends H{constructor(){super(...arguments),this.type=4}', 'class L extends H{type=4;'],
      ['class z extends H{constructor(t,i,s,e,h){super(t,i,s,e,h),this.type=5}', 'class z extends H{type=5;'],
    ],
  ],
  ['the check that an element has attributes before listing them (the list is empty then)', [['if(r.hasAttributes())for(const t of r.getAttributeNames())', 'for(const t of r.getAttributeNames())']]],
  ['the polyfill hook and the global list of lit-html versions', [[',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';']]],
  [
    'the node wrapper of the ShadyDOM polyfill (identity without it; the widgets need native shadow DOM)',
    [
      ['const t=globalThis,i=t=>t,', 'const t=globalThis,'],
      ['const s=i(t).nextSibling;i(t).remove(),t=s', 'const s=t.nextSibling;t.remove(),t=s'],
    ],
  ],
  ['child values that are iterables but not arrays (every list a widget renders is an array)', [['d=t=>u(t)||"function"==typeof t?.[Symbol.iterator]', 'd=u']]],
  [
    'an attribute part\'s strings and values for a value of several parts, and the template parser\'s split of such a value (no template has one: test/unit/lit-cuts.test.ts)',
    [
      ['const i=v[a++],s=r.getAttribute(t).split(o),e=/([.?@])?(.*)/.exec(i);d.push({type:1,index:l,name:e[2],strings:s,ctor:', 'const i=v[a++],e=/([.?@])?(.*)/.exec(i);d.push({type:1,index:l,name:e[2],ctor:'],
      ['s.length>2||""!==s[0]||""!==s[1]?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=A}', 'this._$AH=A}'],
    ],
  ],
  ['svg`` and mathml`` tags (now throwing)', [['w=x(2),T=x(3)', 'w=()=>{throw Error("svg`` and mathml`` are cut from this lit-html (widgets/scripts/lit-cuts.mjs)")},T=w']]],
];

/** Whether `id` (a resolved path) is lit-html's production build, the file LIT_CUTS applies to. */
export const isLitHtml = (id) => id.replace(/\\/g, '/').endsWith('/node_modules/lit-html/lit-html.js');

/**
 * `code` (lit-html.js) with the cuts of LIT_CUTS made. A cut whose pieces are not all found exactly once
 * (another version of lit-html) is skipped, all its pieces (they go together: one alone could break
 * lit-html), and `warn(message)` names it; the size budget (scripts/size.mjs) then catches the bytes it
 * would have saved, and the unit test (test/unit/lit-cuts.test.ts) fails until the cuts are checked
 * again for the installed version. Returns the code and the names of the cuts skipped.
 */
export const cutLitHtml = (code, warn = () => {}) => {
  const skipped = [];
  for (const [what, pieces] of LIT_CUTS) {
    let out = code,
      missing;
    for (const [from, to] of pieces) {
      const i = out.indexOf(from);
      if (i < 0 || out.indexOf(from, i + 1) >= 0) {
        missing = from;
        break;
      }
      out = out.slice(0, i) + to + out.slice(i + from.length);
    }
    if (missing == null) code = out;
    else {
      skipped.push(what);
      warn(`lit-html not cut (scripts/lit-cuts.mjs): ${what}. This piece of it is not found exactly once in the installed lit-html: ${missing.slice(0, 80)}`);
    }
  }
  return { code, skipped };
};
