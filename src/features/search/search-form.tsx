import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../components/field';
import { paths } from '../../lib/paths';

/** The contract's SEARCH_QUERY_MAX: the reader's bundle takes no values from the contract. */
const QUERY_MAX = 200;

interface SearchFormProps {
  slug: string;
  /** The words searched last, on the results page. */
  query?: string;
}

/**
 * Finds any published comment of the discussion, loaded or not: in a long
 * thread the page keeps only the comments near the viewport, so the browser's
 * own find cannot. The words go in the address, so Back and a shared link work.
 */
export function SearchForm({ slug, query = '' }: SearchFormProps) {
  const navigate = useNavigate();
  const id = useId();
  const [error, setError] = useState<string>();
  return (
    <form
      role="search"
      aria-label="This discussion"
      className="search-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const typed = new FormData(event.currentTarget).get('q');
        const words = typeof typed === 'string' ? typed.trim() : '';
        if (words === '') {
          setError('Type the words to search for.');
          return;
        }
        setError(undefined);
        void navigate(paths.search(slug, words));
      }}
    >
      <Field id={id} label="Search this discussion" error={error}>
        {(control) => (
          <span className="search-row">
            <input
              {...control}
              // A new search from the results page starts from its words.
              key={query}
              type="search"
              name="q"
              defaultValue={query}
              maxLength={QUERY_MAX}
              autoComplete="off"
            />
            <button type="submit" className="button">
              Search
            </button>
          </span>
        )}
      </Field>
    </form>
  );
}
