// Writes the fonts a Tamazight or Arabic pupil needs into the build (issue 13): Noto Sans
// Tifinagh and Noto Sans Arabic (regular and bold), cut at build time from the npm packages
// pinned in package.json (@fontsource/*) with harfbuzz's subsetter (subset-font, wasm) down to
// the characters the app can show in that script: every character of the catalogues, the
// lessons and the page, plus the letters a pupil may type. Writes `fonts/<face>-<hash>.woff2`
// and `fonts-<hash>.css` (the @font-face rules), named by content so the service worker keeps
// them as immutable, and links the css from index.html (a <link>, allowed by the page's
// `style-src 'self'`; app.css keeps trunk's name and integrity). Each face tries `local()`
// first, so a device that has the font never downloads it, and has a `unicode-range`, so a
// page without that script never downloads it. Run by scripts/post-build.mjs before the
// service worker is written; scripts/single-file.mjs inlines the result for USB sticks.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const require = createRequire(import.meta.url);

/** Every character the app can show: catalogues, lessons (texts and programs), the page, and
 * the few words the app's code writes itself (the language picker's names). */
function shownText() {
  const files = [
    ...readdirSync('crates/i18n/messages').filter((n) => n.endsWith('.txt')).map((n) => `crates/i18n/messages/${n}`),
    ...readdirSync('lessons').filter((n) => n.endsWith('.json')).map((n) => `lessons/${n}`),
    ...readdirSync('src', { recursive: true }).filter((n) => n.endsWith('.rs')).map((n) => `src/${n}`),
    'index.html',
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('');
}

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const shown = new Set([...shownText()].map((c) => c.codePointAt(0)));

/** The code points of `shown` inside `blocks`, plus `typed` (what a pupil may type). */
function pick(blocks, typed) {
  const inScript = [...shown].filter((cp) => blocks.some(([a, b]) => cp >= a && cp <= b));
  return [...new Set([...inScript, ...typed])].sort((a, b) => a - b);
}

// Tifinagh: the whole basic block (small), which holds every letter and the labialisation mark;
// without the glyphs only reachable through layout features (Tuareg forms, consonant ligatures
// joined by U+2D7F and ZWJ), which the app's texts never ask for: 16 KB down to 4.5 KB.
const tifinagh = pick([[0x2d30, 0x2d7f]], range(0x2d30, 0x2d7f));
// Arabic: the letters, the harakat (with shadda, sukun and the dagger alif), the Arabic-Indic
// digits and signs, the comma, semicolon, question mark and tatweel, and the Maghreb letters
// ڤ ڨ ڭ pupils write for v, g and the Algerian qaf.
const arabic = pick([[0x0600, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]], [
  ...range(0x0621, 0x063a), ...range(0x0640, 0x0652), 0x0670, ...range(0x0660, 0x066c),
  0x060c, 0x061b, 0x061f, 0x06a4, 0x06a8, 0x06ad,
]);

/** `U+2D30-2D7F,U+060C`: the code points as the fewest ranges. */
function unicodeRange(points) {
  const out = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    const hex = (cp) => cp.toString(16).toUpperCase().padStart(4, '0');
    out.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return out.join(',');
}

const source = (pkg, file) => readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'files', file));
const FACES = [
  { name: 'tifinagh', family: 'Noto Sans Tifinagh', weight: 400, points: tifinagh, options: { noLayoutClosure: true },
    local: ['Noto Sans Tifinagh', 'NotoSansTifinagh-Regular'],
    from: source('@fontsource/noto-sans-tifinagh', 'noto-sans-tifinagh-tifinagh-400-normal.woff2') },
  { name: 'arabic-400', family: 'Noto Sans Arabic', weight: 400, points: arabic,
    local: ['Noto Sans Arabic', 'NotoSansArabic-Regular'],
    from: source('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff2') },
  { name: 'arabic-700', family: 'Noto Sans Arabic', weight: 700, points: arabic,
    local: ['Noto Sans Arabic Bold', 'NotoSansArabic-Bold'],
    from: source('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-700-normal.woff2') },
];

mkdirSync(join(dir, 'fonts'), { recursive: true });
const rules = [];
for (const face of FACES) {
  const text = String.fromCodePoint(...face.points);
  // Unhinted, as the font services send Noto to current browsers (a third of Tifinagh's bytes).
  const woff2 = await subsetFont(face.from, text, { targetFormat: 'woff2', noHinting: true, ...face.options });
  const file = `fonts/${face.name}-${createHash('sha256').update(woff2).digest('hex').slice(0, 16)}.woff2`;
  writeFileSync(join(dir, file), woff2);
  const src = [...face.local.map((n) => `local("${n}")`), `url(${file}) format("woff2")`].join(',');
  rules.push(`@font-face{font-family:"${face.family}";font-weight:${face.weight};`
    + `font-display:swap;src:${src};unicode-range:${unicodeRange(face.points)}}`);
}
const css = `${rules.join('\n')}\n`;
const cssName = `fonts-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(join(dir, cssName), css);

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const link = `<link href=./${cssName} rel=stylesheet>`;
const at = html.search(/<link\b[^>]*\brel="?stylesheet/);
if (at < 0 && !html.includes('</head>')) throw new Error('index.html has no stylesheet link nor </head>');
writeFileSync(htmlPath, at >= 0 ? html.slice(0, at) + link + html.slice(at) : html.replace('</head>', `${link}</head>`));
