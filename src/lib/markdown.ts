/**
 * The one renderer of participants' text: a small, safe subset of Markdown
 * (paragraphs, line breaks, emphasis, strong, lists, quotes, links, bare URLs)
 * plus hashtags linking to their campaign. Raw HTML is escaped, never run, and
 * only http, https and mailto links survive. The backend cooks `html` with it,
 * and the composer's preview loads it on demand.
 */
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import { campaignPath, findHashtags, hashtagKey } from './hashtags';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
export const EXTERNAL_REL = 'nofollow ugc noopener';

type RenderEnv = Record<string, unknown> & {
  slug: string;
  hashtags: string[];
};

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable([
  'blockquote',
  'list',
  'reference',
  'newline',
  'escape',
  'emphasis',
  'link',
  'autolink',
  'linkify',
  'entity',
  'backticks',
]);
md.linkify.set({ fuzzyEmail: false, fuzzyLink: false });
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token && token.attrGet('data-hashtag') === null) {
    // A link title would be the one attribute a participant writes freely; links carry none.
    token.attrs = token.attrs?.filter(([name]) => name !== 'title') ?? null;
    token.attrSet('rel', EXTERNAL_REL);
    token.attrSet('target', '_blank');
  }
  return self.renderToken(tokens, idx, options);
};

md.core.ruler.push('hashtags', (state) => {
  const env = state.env as RenderEnv;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let insideLink = 0;
    for (const child of block.children) {
      if (child.type === 'link_open') insideLink++;
      if (child.type === 'link_close') insideLink--;
      const matches = child.type === 'text' && insideLink === 0 ? findHashtags(child.content) : [];
      if (matches.length === 0) {
        out.push(child);
        continue;
      }
      let at = 0;
      for (const m of matches) {
        if (m.index > at) out.push(textToken(state, child.content.slice(at, m.index)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', campaignPath(env.slug, m.label)],
          ['class', 'hashtag'],
          ['data-hashtag', hashtagKey(m.label)],
        ];
        out.push(open, textToken(state, m.text), new state.Token('link_close', 'a', -1));
        env.hashtags.push(m.label);
        at = m.index + m.text.length;
      }
      if (at < child.content.length) out.push(textToken(state, child.content.slice(at)));
    }
    block.children = out;
  }
});

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

export interface Rendered {
  html: string;
  /** Hashtags as written, in order of first appearance, without duplicates by key. */
  hashtags: string[];
}

export function renderMarkdown(source: string, slug: string): Rendered {
  const env: RenderEnv = { slug, hashtags: [] };
  const html = md.render(source, env);
  const seen = new Set<string>();
  const hashtags = env.hashtags.filter((label) => {
    const key = hashtagKey(label);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { html, hashtags };
}
