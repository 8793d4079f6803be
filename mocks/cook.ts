/**
 * The mock backend renders participants' Markdown with the app's own renderer.
 * In the browser that renderer loads on the first write, so a first visit to the
 * demo reads the thread without downloading it; tests load it before they start.
 */
import type { Rendered } from '../src/lib/markdown';

type Render = (source: string, slug: string) => Rendered;

let render: Render | null = null;

export async function loadRenderer(): Promise<void> {
  render ??= (await import('../src/lib/markdown')).renderMarkdown;
}

export function cook(source: string, slug: string): Rendered {
  if (!render) throw new Error('The Markdown renderer is not loaded: await loadRenderer() first.');
  return render(source, slug);
}
