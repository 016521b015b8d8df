/**
 * The theme of an embedded widget: the few CSS custom properties a partner may set (accent, text and
 * card colours, font family), and the checks that keep anything else out of the snippet's `style`
 * attribute. Pure (no React, no DOM); re-exported by snippet.ts and unit-tested in snippet.test.ts.
 */

/** What the editor chose; each value is left out of the snippet unless its check below accepts it. */
export interface Theme {
  accent?: string;
  text?: string;
  surface?: string;
  fontFamily?: string;
}

// CSS named colours (CSS Color 4) plus the two keywords that make sense for a theme.
const NAMED_COLOURS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen transparent currentcolor'
  ).split(' ')
);

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Colour functions with numeric arguments only: no nested function (url(), var(), expression()), no `;`.
const FUNCTIONAL = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\((?:[\s0-9.,%/+-]|deg|grad|rad|turn|none)+\)$/i;

/** True for a CSS colour value that cannot carry anything else: hex, rgb()/hsl()... with numbers, named colours. */
export const isCssColor = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (!v || v.length > 64) return false;
  return HEX.test(v) || FUNCTIONAL.test(v) || NAMED_COLOURS.has(v.toLowerCase());
};

const FAMILY_QUOTED = /^(?:"[\p{L}\p{N} _.-]+"|'[\p{L}\p{N} _.-]+')$/u;
const FAMILY_PLAIN = /^[\p{L}_-][\p{L}\p{N} _-]*$/u;

/** True for a font-family list such as `"Source Sans 3", Arial, sans-serif` (no `;`, `:`, brackets or escapes). */
export const isFontFamily = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (!v || v.length > 200) return false;
  return v.split(',').every((part) => {
    const p = part.trim();
    return FAMILY_QUOTED.test(p) || FAMILY_PLAIN.test(p);
  });
};

/** The CSS custom properties of a theme (valid values only; the others are ignored). */
export const themeDeclarations = (theme: Theme | undefined): [string, string][] => {
  if (!theme) return [];
  const out: [string, string][] = [];
  const colour = (name: string, value: string | undefined) => {
    if (isCssColor(value)) out.push([name, value.trim()]);
  };
  colour('--solidarity-color-accent', theme.accent);
  colour('--solidarity-color-text', theme.text);
  colour('--solidarity-color-surface', theme.surface);
  if (isFontFamily(theme.fontFamily)) out.push(['--solidarity-font-family', theme.fontFamily.trim()]);
  return out;
};

/** Which theme values were given but refused (to tell the editor). */
export const invalidThemeKeys = (theme: Theme | undefined): (keyof Theme)[] => {
  if (!theme) return [];
  const bad: (keyof Theme)[] = [];
  for (const key of ['accent', 'text', 'surface'] as const) {
    const v = theme[key];
    if (v && v.trim() && !isCssColor(v)) bad.push(key);
  }
  if (theme.fontFamily && theme.fontFamily.trim() && !isFontFamily(theme.fontFamily)) bad.push('fontFamily');
  return bad;
};

/** `--solidarity-color-accent: #0b6e4f; --solidarity-font-family: Georgia, serif` (unescaped; '' for none). */
export const styleAttribute = (theme: Theme | undefined): string =>
  themeDeclarations(theme)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
