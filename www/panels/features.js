// @ts-check
// Which columns are features, in the experiment's two forms (docs/CONTRACTS.md section 1): a
// `data.features` list, or `data.exclude`, every column but the target, the dates and those it
// names (the core's src/data/plan.rs `all_but`). The page reads both and writes the shorter, so a
// 10,000-column table with 3 columns unticked carries 3 names, not 9,996 (issue 13).

/** @import {ColumnSummary, DataSpec, DeepReadonly} from '../types.js' */

/**
 * Whether a column is one of `data`'s features; with neither key, every column but the target
 * and the dates (the core's default).
 * @param {DeepReadonly<DataSpec>} data
 * @returns {(c: {name: string, kind: string}) => boolean}
 */
export function featureTest(data) {
  const listed = data.features && new Set(data.features);
  const left = new Set(data.exclude ?? []);
  return (c) => c.name !== data.target && (listed ? listed.has(c.name) : c.kind !== 'date' && !left.has(c.name));
}

/**
 * Sets `d`'s features to the columns `chosen` names, in the shortest form: neither key for the
 * default, else `exclude` when its JSON is shorter than the list's (and no date is chosen: a date
 * is a feature only when listed), else `features`.
 * @param {DataSpec} d its `target` already set
 * @param {readonly ColumnSummary[]} columns the table's, in order
 * @param {ReadonlySet<string>} chosen
 */
export function writeFeatures(d, columns, chosen) {
  const everyOther = columns.filter((c) => c.name !== d.target);
  const features = everyOther.filter((c) => chosen.has(c.name)).map((c) => c.name);
  const exclude = everyOther.filter((c) => c.kind !== 'date' && !chosen.has(c.name)).map((c) => c.name);
  const dated = everyOther.some((c) => c.kind === 'date' && chosen.has(c.name));
  delete d.exclude;
  d.features = null;
  if (dated || JSON.stringify(features).length <= JSON.stringify(exclude).length) d.features = features;
  else if (exclude.length) d.exclude = exclude;
}
