// @ts-check
// The deployable model's life, for the whole page (the Deployment and Application panels mount
// lazily and read `app.model` on mount; the store keeps it and announces each change as
// 'deployed'): a trained session is exported after each evaluation, and a worker restart (after a
// crash) opens an imported model again.

/** @import {App} from './app.js' */

/** @param {App} app */
export function trackModel(app) {
  app.on('evaluation', () => app.send({ type: 'export' }));
  app.on('error', (msg) => {
    const model = app.model;
    if (msg.fatal && model?.from === 'import' && model.text !== undefined) {
      app.openModel(model.name ?? 'model.json', model.text, model.bytes, model.card.task === 'recommendation');
    }
  });
}
