// Shared by the teaching features' page tests (watch, inside, pad, guide, i18n): their
// experiments, a wait for the views (they draw on the next animation frames), a pen stroke on the
// drawing pad.

/** Iris on two features (a decision boundary and each unit over the plane), a small MLP. */
export const IRIS2 = (epochs) => ({
  version: 1, seed: 42,
  data: { source: 'builtin:iris', target: 'species', features: ['petal_length_cm', 'petal_width_cm'], task: 'classification',
    split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'dense', units: 6, activation: 'tanh' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  compile: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', learning_rate: 0.05 } },
  fit: { epochs, batch_size: 32 },
});

/** Lesson 3's CNN on the 8×8 digits, for `epochs`. */
export const DIGITS_CNN = (epochs) => ({
  version: 1, seed: 42,
  data: { source: 'builtin:digits', target: 'label', task: 'classification', scale: 'minmax', split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'reshape', target_shape: [8, 8, 1] },
    { type: 'conv2d', filters: 8, kernel_size: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'max_pool2d', pool_size: 2 }, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  compile: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs, batch_size: 32 },
});

/** Waits `n` animation frames in the page (the views draw on the next frame). */
export const frames = (page, n = 3) => page.evaluate((k) => new Promise((done) => {
  const tick = (left) => (left ? requestAnimationFrame(() => tick(left - 1)) : done());
  tick(k);
}), n);

/**
 * Draws on the drawing pad with the mouse from `from` to `to` (fractions of the pad) in `steps`
 * moves; returns the pad's box as it was drawn on.
 */
export async function stroke(page, from = [0.5, 0.15], to = [0.5, 0.85], steps = 12) {
  await page.locator('[data-testid=draw-pad]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-testid=draw-pad]').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps });
  await page.mouse.up();
  return box;
}
