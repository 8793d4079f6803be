/**
 * Queries built and compiled once. Kysely builds a tree of nodes and compiles it
 * to SQL on every call, which for the few statements every request or post runs
 * costs more than SQLite takes to run them. A prepared query is built once per
 * dialect and shape of its parameters (their names, in order), with a marker in
 * place of each value; each call puts its values where the markers are. For fixed
 * shapes only: no `in` list, no clause that comes and goes with a value.
 */
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Tx } from '../rules/core';

/** No value a query takes starts with a NUL: what does is a parameter's place. */
const MARK = '\u0000param:';

export type Prepared<P, O> = (tx: Tx, params: P) => Promise<QueryResult<O>>;

/**
 * `build` gets the parameters as markers, under the same names: a row to insert
 * may be passed whole (`values(params)`).
 */
export function prepared<P extends object, O>(
  build: (db: Tx, params: P) => Compilable<O>,
): Prepared<P, O> {
  // Per dialect: SQLite and PostgreSQL write the same query differently.
  const plans = new WeakMap<object, Map<string, CompiledQuery<O>>>();
  return (tx, params) => {
    const adapter = tx.getExecutor().adapter;
    let shapes = plans.get(adapter);
    if (!shapes) plans.set(adapter, (shapes = new Map<string, CompiledQuery<O>>()));
    const names = Object.keys(params);
    const shape = names.join();
    let plan = shapes.get(shape);
    if (!plan) {
      const markers = Object.fromEntries(names.map((name) => [name, MARK + name])) as P;
      plan = build(tx, markers).compile();
      shapes.set(shape, plan);
    }
    const values = params as Record<string, unknown>;
    const parameters = plan.parameters.map((v) =>
      typeof v === 'string' && v.startsWith(MARK) ? values[v.slice(MARK.length)] : v,
    );
    return tx.executeQuery<O>({ ...plan, parameters });
  };
}
