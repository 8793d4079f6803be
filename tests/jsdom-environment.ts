/**
 * jsdom, as Vitest's built-in environment sets it up, with one repair. To compute a
 * style, jsdom matches its default stylesheet's `bdi:dir(ltr)` rule, and its selector
 * engine (@asamuzakjp/dom-selector) builds a new bidi-js instance at each match, which
 * parses the Unicode bidi tables again: a tenth of the app tests' time went there, as
 * each author's name is a <bdi>. An instance keeps no state between calls, so one
 * serves them all, with the same answers.
 */
import Module, { createRequire } from 'node:module';
import { builtinEnvironments } from 'vitest/environments';

const require = createRequire(import.meta.url);
const bidiPath = createRequire(require.resolve('@asamuzakjp/dom-selector')).resolve('bidi-js');

type Compile = (this: { exports: unknown }, content: string, filename: string) => unknown;
const loader = Module.prototype as unknown as { _compile: Compile };
const compile = loader._compile;
// The selector engine imports bidi-js as an ES module, which require.cache does not
// serve: its factory is replaced as Node compiles it.
loader._compile = function compileOnce(content, filename) {
  const result = compile.call(this, content, filename);
  if (filename === bidiPath) {
    loader._compile = compile;
    const factory = this.exports as () => unknown;
    let instance: unknown;
    this.exports = () => (instance ??= factory());
  }
  return result;
};

export default builtinEnvironments.jsdom;
