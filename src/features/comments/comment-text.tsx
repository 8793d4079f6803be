import type { COMMENT_MAX as CONTRACT_MAX } from '../../api/contract';
import type { Ref } from 'react';
import { Field } from '../../components/field';
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

interface CommentTextFieldProps {
  id: string;
  label: string;
  text: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Escape in the box: a form that can close closes, keeping the text as a draft. */
  onEscape?: (() => void) | undefined;
}

/** The labelled text box of every comment form, with what is left to write and how to format. */
export function CommentTextField({
  id,
  label,
  text,
  onChange,
  error,
  textareaRef,
  onEscape,
}: CommentTextFieldProps) {
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={
        <>
          <CharactersLeft text={text} /> {MARKDOWN_HINT}
        </>
      }
    >
      {(control) => (
        <textarea
          {...control}
          ref={textareaRef}
          name="body"
          rows={5}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !onEscape || e.nativeEvent.isComposing) return;
            e.preventDefault();
            onEscape();
          }}
        />
      )}
    </Field>
  );
}
