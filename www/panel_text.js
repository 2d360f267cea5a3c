// @ts-check
// Each panel's two lines: "what happens here and why" (the catalog's `why.ID`), and what the step
// means for the data loaded now.

/** @import {App} from './app.js' */
/** @import {Msg} from './i18n.js' */
/** @import {NodeId} from './types.js' */

/**
 * The second line for node `id` as a catalog message (null before the data is configured).
 * @param {NodeId} id
 * @param {App} app
 * @returns {Msg | null}
 */
export function dataLine(id, app) {
  const s = app.summary;
  const t = app.table;
  if (!app.configured || !s || !t) return null;
  const [train, val, test] = s.rows;
  const outputs = s.classes ? { key: 'data.classes', params: { n: s.classes.length } } : { key: 'data.oneNumber' };
  const name = t.name;
  switch (id) {
    case 'preprocess': return { key: 'data.preprocess', params: { name, rows: t.rows, target: s.target, features: s.features.length, train, val, test } };
    case 'build': return { key: 'data.build', params: { task: { key: `task.${s.task}` }, target: s.target, outputs, params: s.params, train } };
    case 'train': return { key: 'data.train', params: { train, name, val } };
    case 'evaluate': return { key: 'data.evaluate', params: { test, name } };
    case 'decide': return app.history.length ? { key: 'data.decide', params: { epochs: app.history.length, name } } : null;
    default: return null;
  }
}
