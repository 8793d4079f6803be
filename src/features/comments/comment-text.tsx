import type { COMMENT_MAX as CONTRACT_MAX } from '../../api/contract';
import { plural } from '../../lib/plural';

/** The contract's limit, restated so that zod stays out of the reader's bundle; tsc keeps them equal. */
const COMMENT_MAX: typeof CONTRACT_MAX = 10_000;

export const MARKDOWN_HINT =
  'You can use *emphasis*, **strong**, lists, > quotes and links. #Hashtags link to campaigns.';

/** Counted as the backend counts: after trimming. */
export function CharactersLeft({ text }: { text: string }) {
  const left = COMMENT_MAX - text.trim().length;
  return (
    <span className={left < 0 ? 'counter counter-over' : 'counter'}>
      {left >= 0 ? `${plural(left, 'character')} left.` : `${plural(-left, 'character')} too many.`}
    </span>
  );
}
