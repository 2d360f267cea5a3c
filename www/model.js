// The deployable model, kept for the whole page (the Deployment and Application panels mount
// lazily, so they read it on mount): `app.model = {from: 'session' | 'import', card, json?, bytes,
// name, text?}` or null, announced with `app.emit('deployed', app.model)`. A trained session is
// exported after each evaluation; a new configuration forgets a session model; a worker restart
// (after a crash) opens an imported model again.

/** Keeps `app.model` in step with the worker's 'model' messages. */
export function trackModel(app) {
  app.model = null;
  app.on('evaluation', () => app.send({ type: 'export' }));
  app.on('configured', () => {
    if (app.model?.from === 'session') setModel(app, null);
  });
  app.on('model', (msg) => {
    if (msg.error) return;
    const bytes = msg.json ? new TextEncoder().encode(msg.json).length : app.pendingModelBytes;
    const text = msg.source === 'import' ? app.pendingModel : undefined;
    setModel(app, { from: msg.source, card: msg.card, json: msg.json, bytes, name: msg.name, text });
  });
  app.on('error', (msg) => {
    if (msg.fatal && app.model?.from === 'import') app.send({ type: 'import', name: app.model.name, model: app.model.text });
  });
}

function setModel(app, model) {
  app.model = model;
  app.emit('deployed', model);
}
