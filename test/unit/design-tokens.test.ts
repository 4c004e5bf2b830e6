import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

// The app's text sizes and colours live in one stylesheet (miniprogram/src/styles/tokens.css); every other
// stylesheet and component names them. A literal colour or size elsewhere drifts from the palette, and a literal
// text size does not grow with the reader's text scale.
const src = join(__dirname, '../../miniprogram/src')
const tokensFile = join(src, 'styles/tokens.css')

function filesUnder(dir: string, ending: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), ending) : ending.test(e.name) ? [join(dir, e.name)] : []))
}

const stylesheets = filesUnder(src, /\.css$/).filter((f) => f !== tokensFile)
// Where a CSS variable cannot reach: app.config.ts becomes WeChat's app.json (literal colours only), and the
// share cover is drawn on a canvas.
const literalColoursAllowed = new Set(['app.config.ts', 'services/shareCover.ts'])
const code = filesUnder(src, /\.tsx?$/).filter((f) => !literalColoursAllowed.has(relative(src, f)))

const hexColour = /#[0-9a-fA-F]{3,8}\b/
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '')
const linesMatching = (files: string[], test: (line: string) => boolean, strip: (text: string) => string = (t) => t) =>
  files.flatMap((f) =>
    strip(readFileSync(f, 'utf8'))
      .split('\n')
      .filter(test)
      .map((line) => `${relative(src, f)}: ${line.trim()}`),
  )

describe('design tokens', () => {
  it('no stylesheet but tokens.css writes a hex colour', () => {
    expect(linesMatching(stylesheets, (l) => hexColour.test(l), withoutComments)).toEqual([])
  })

  it('no component writes a hex colour', () => {
    expect(linesMatching(code, (l) => hexColour.test(l))).toEqual([])
  })

  it('every text size is a token, so it follows the text scale', () => {
    const fontSize = /(^|[\s;{])font-size\s*:/
    expect(linesMatching(stylesheets, (l) => fontSize.test(l) && !/font-size\s*:\s*var\(--text-[a-z]+\)/.test(l), withoutComments)).toEqual([])
  })

  it('every token used is defined in tokens.css (a misspelt one would fall back silently)', () => {
    const defined = new Set([...readFileSync(tokensFile, 'utf8').matchAll(/(--(?:text|color|tap)-[a-z-]+)\s*:/g)].map((m) => m[1]))
    const used = new Set([...stylesheets, ...code].flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/var\((--(?:text|color|tap)-[a-z-]+)\)/g)].map((m) => m[1]!)))
    expect(used.size).toBeGreaterThan(10)
    expect([...used].filter((name) => !defined.has(name))).toEqual([])
  })
})
