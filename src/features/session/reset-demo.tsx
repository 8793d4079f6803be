import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useResetDemo } from '../../api/demo';
import { useAnnounce } from '../../components/announcer';
import { errorMessage } from '../../components/error-state';
import { paths } from '../../lib/paths';

/** Demo builds: one visible control brings back the original discussion. */
export function ResetDemo() {
  const [confirming, setConfirming] = useState(false);
  const reset = useResetDemo();
  const announce = useAnnounce();
  const navigate = useNavigate();

  if (!confirming) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
        Reset demo data
      </button>
    );
  }
  return (
    <div className="reset-demo" role="group" aria-label="Reset demo data">
      <span>Remove everything added in this browser and bring back the original discussion?</span>
      <button
        type="button"
        className="button button-danger"
        disabled={reset.isPending}
        onClick={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              announce('The demo data is back to the original discussion.');
              void navigate(paths.home());
            },
          })
        }
      >
        Reset
      </button>
      <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {reset.isError && <p role="alert">{errorMessage(reset.error)}</p>}
    </div>
  );
}
