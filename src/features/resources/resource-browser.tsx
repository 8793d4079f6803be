import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { Resource, ResourceKind, ResourceSort } from '../../api/contract';
import { resourceQueries } from '../../api/resources';
import { ErrorState } from '../../components/error-state';
import { LoadingRegion, Skeleton } from '../../components/skeleton';
import { plural } from '../../lib/plural';
import { useFilterParams } from '../../components/use-filter-params';
import { KIND_LABEL, ResourceItem, resourceDomId } from './resource-item';

const KINDS = Object.keys(KIND_LABEL) as ResourceKind[];
const isKind = (v: string | null): v is ResourceKind =>
  v !== null && (KINDS as string[]).includes(v);

/** All resources of a discussion, filtered by kind and sorted; the choice lives in the address. */
interface ResourceBrowserProps {
  slug: string;
  /** Controls under each resource, composed by the route: flag, moderate. */
  actions?: (resource: Resource) => ReactNode;
}

export function ResourceBrowser({ slug, actions }: ResourceBrowserProps) {
  const [params, update] = useFilterParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const sort: ResourceSort = params.get('sort') === 'title' ? 'title' : 'newest';
  const target = params.get('entry');
  const { data, isPending, isError, error, refetch } = useQuery(
    resourceQueries.list(slug, { kind, sort }),
  );
  const targetLoaded = target !== null && !!data?.resources.some((r) => r.id === target);

  useEffect(() => {
    if (!targetLoaded) return;
    const el = document.getElementById(resourceDomId(target));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [target, targetLoaded]);

  return (
    <section aria-labelledby="resource-list-heading">
      <h2 id="resource-list-heading" className="visually-hidden">
        Resources
      </h2>
      <div className="toolbar">
        <label>
          Kind
          <select value={kind ?? ''} onChange={(e) => update('kind', e.target.value)}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select
            value={sort}
            onChange={(e) => update('sort', e.target.value === 'title' ? 'title' : '')}
          >
            <option value="newest">Newest first</option>
            <option value="title">Title, A to Z</option>
          </select>
        </label>
      </div>
      {isPending ? (
        <LoadingRegion label="Loading resources…">
          <Skeleton lines={8} height={16} />
        </LoadingRegion>
      ) : isError ? (
        <ErrorState
          error={error}
          title="The resources could not be loaded"
          onRetry={() => void refetch()}
        />
      ) : (
        <>
          <p className="thread-count" role="status">
            {plural(data.resources.length, 'resource')}
            {kind ? ` of kind ${KIND_LABEL[kind].toLowerCase()}` : ''}
          </p>
          {data.resources.length === 0 ? (
            <p className="empty">No resources of this kind yet.</p>
          ) : (
            <ul className="resource-list resource-grid">
              {data.resources.map((r) => (
                <li key={r.id}>
                  <ResourceItem resource={r} isTarget={r.id === target}>
                    {actions?.(r)}
                  </ResourceItem>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
