// The network from the inside (issue 18), drawn from the core's real weights: for a small MLP on
// two features, a line per weight whose width and colour follow the weight (checked by redrawing
// the panel's picture with every stroke recorded) and each hidden unit's response over the plane
// (checked against the unit's own weights); for the digits CNN, the learned filters cell by cell
// and one digit's feature maps (checked as the convolution of that digit with those filters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';
import { DIGITS_CNN, IRIS2 } from './teach.mjs';

const env = useServer();

const open = (experiment) => openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}`);

/** Trains `experiment` to the end and waits for the Training panel's views of the last epoch. */
async function trained(experiment) {
  const page = await open(experiment);
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await page.waitForSelector(`#panel-train [data-epoch="${experiment.fit.epochs}"]`);
  return page;
}

test('a small MLP: a line per real weight, thicker and bluer (or oranger) as the weight is, and each unit over the plane', async () => {
  const page = await trained(IRIS2(30));
  assert.equal(await page.getAttribute('#inside', 'data-kind'), 'net');
  assert.equal(await page.getAttribute('#net-chart', 'data-sizes'), '2,6,3');
  assert.equal(await page.getAttribute('#net-chart', 'data-tiles'), 'true');
  // The snapshot's weights are the session's (asked for again now).
  const weights = await page.evaluate(() => new Promise((resolve) => {
    const app = window.kindling.app;
    app.on('weights', (msg) => resolve(msg.weights));
    app.send({ type: 'weights' });
  }));
  const last = await page.evaluate(() => window.kindling.app.snapshots.at(-1));
  assert.deepEqual(last.weights, weights);
  assert.deepEqual(weights.map((w) => w.length), [12, 6, 18, 3], 'kernel 2×6, bias 6, kernel 6×3, bias 3');

  // The panel's picture, redrawn from the same snapshot on a canvas that records every stroke.
  const drawn = await page.evaluate(async () => {
    const { drawNet, denseWeights } = await import('/www/inside/net.js');
    const app = window.kindling.app;
    const s = app.snapshots.at(-1);
    const canvas = document.createElement('canvas');
    const real = canvas.getContext('2d');
    const strokes = [];
    const ctx = new Proxy(real, {
      get: (t, k) => (k === 'stroke' ? () => { strokes.push({ colour: t.strokeStyle, width: t.lineWidth }); t.stroke(); }
        : typeof t[k] === 'function' ? t[k].bind(t) : t[k]),
      set: (t, k, v) => { t[k] = v; return true; },
    });
    canvas.getContext = () => ctx;
    const page = document.querySelector('#net-chart');
    drawNet(canvas, { sizes: [2, 6, 3], inputs: app.summary.features, outputs: app.summary.classes,
      dense: denseWeights(app.experiment, s.weights), grid: s.layers, gridSize: 16 });
    return { strokes, same: canvas.toDataURL() === page.toDataURL() };
  });
  assert.ok(drawn.same, 'the panel shows exactly this picture');
  // The first 12 + 18 strokes are the weights, kernel by kernel in row-major order.
  const kernels = [...weights[0], ...weights[2]];
  const lines = drawn.strokes.slice(0, kernels.length);
  const max = Math.max(...kernels.map(Math.abs));
  // The canvas reads a colour back as #rrggbb.
  const rgb = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  lines.forEach((line, i) => {
    const w = kernels[i];
    const [r, , b] = rgb(line.colour);
    assert.ok(w > 0 ? b > r : r > b, `weight ${i} (${w}) is ${w > 0 ? 'blue' : 'orange'}: ${line.colour}`);
    // (Chromium keeps a line width in single precision.)
    assert.ok(Math.abs(line.width - (0.5 + (5 * Math.abs(w)) / max)) < 1e-6, `weight ${i}: width ${line.width} for |w| ${Math.abs(w)}`);
  });
  // Ordered by |w|, the widths never fall and the colours never pale.
  const order = kernels.map((w, i) => i).sort((a, b) => Math.abs(kernels[a]) - Math.abs(kernels[b]));
  for (let k = 1; k < order.length; k++) {
    const [p, q] = [lines[order[k - 1]], lines[order[k]]];
    assert.ok(q.width >= p.width, `width follows |w|: ${p.width} then ${q.width}`);
    assert.ok(Math.min(...rgb(q.colour)) <= Math.min(...rgb(p.colour)), `colour deepens with |w|: ${p.colour} then ${q.colour}`);
  }
  assert.equal(lines[order.at(-1)].width, 5.5, 'the largest weight is the thickest line');

  // Each hidden unit over the plane is tanh(x·k₀ + y·k₁ + b) of its own weights, cell by cell.
  const [inputs, hidden] = last.layers;
  assert.deepEqual([inputs.length, hidden.length], [16 * 16 * 2, 16 * 16 * 6]);
  for (let cell = 0; cell < 256; cell += 17) {
    for (let u = 0; u < 6; u++) {
      const z = inputs[cell * 2] * weights[0][u] + inputs[cell * 2 + 1] * weights[0][6 + u] + weights[1][u];
      assert.ok(Math.abs(hidden[cell * 6 + u] - Math.tanh(z)) < 1e-5, `unit ${u} at cell ${cell}: ${hidden[cell * 6 + u]} vs ${Math.tanh(z)}`);
    }
  }
  const label = await page.getAttribute('#net-chart', 'aria-label');
  const min = Math.min(...kernels);
  assert.equal(label, `The network 2 → 6 → 3 after epoch 30; its weights run from ${Number(min.toPrecision(3))} to ${Number(Math.max(...kernels).toPrecision(3))}`);
  await shot(page, 'inside-mlp');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the digits CNN: the learned filters cell by cell, one digit and its feature maps', async () => {
  const page = await trained(DIGITS_CNN(3));
  assert.equal(await page.getAttribute('#inside', 'data-kind'), 'cnn');
  const s = await page.evaluate(() => window.kindling.app.snapshots.at(-1));
  const [kernel, bias] = s.weights;
  assert.deepEqual([kernel.length, bias.length], [3 * 3 * 1 * 8, 8]);
  const [image, reshaped, maps, pooled] = s.activations;
  assert.deepEqual([image.length, reshaped.length, maps.length, pooled.length], [64, 64, 6 * 6 * 8, 3 * 3 * 8]);
  // The feature maps are relu(conv(digit, filter) + bias): kernel [3, 3, 1, 8], maps [6, 6, 8].
  for (let f = 0; f < 8; f++) {
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        let z = bias[f];
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) z += kernel[(i * 3 + j) * 8 + f] * reshaped[(r + i) * 8 + c + j];
        assert.ok(Math.abs(maps[(r * 6 + c) * 8 + f] - Math.max(0, z)) < 1e-5, `filter ${f} at (${r}, ${c})`);
      }
    }
  }
  // The pooled maps: the largest of each 2×2 block.
  for (let f = 0; f < 8; f++) {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const block = [0, 1].flatMap((i) => [0, 1].map((j) => maps[((2 * r + i) * 6 + 2 * c + j) * 8 + f]));
        assert.equal(pooled[(r * 3 + c) * 8 + f], Math.max(...block));
      }
    }
  }
  // The filters canvas: filter f's cell (i, j) at the centre of its square has the weight's colour
  // (blue +, orange −, white 0, full colour at the largest |w|), 52-px squares 8 px apart.
  const kmax = Math.max(...kernel.map(Math.abs));
  const expected = (w) => {
    const t = Math.min(1, Math.abs(w) / kmax);
    const c = w >= 0 ? [0, 114, 178] : [213, 94, 0];
    return c.map((v) => Math.round(255 + (v - 255) * t));
  };
  const got = await page.$eval('#cnn-filters', (canvas) => {
    const ratio = canvas.width / parseFloat(canvas.style.width);
    const d = canvas.getContext('2d');
    const out = [];
    for (let f = 0; f < 8; f++) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const [x, y] = [f * 60 + (j + 0.5) * (52 / 3), (i + 0.5) * (52 / 3)];
          out.push([...d.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data].slice(0, 3));
        }
      }
    }
    return out;
  });
  got.forEach((px, n) => {
    const f = Math.floor(n / 9);
    const [i, j] = [Math.floor((n % 9) / 3), n % 3];
    const w = kernel[(i * 3 + j) * 8 + f];
    assert.ok(px.every((v, k) => Math.abs(v - expected(w)[k]) <= 1), `filter ${f} (${i}, ${j}) = ${w}: ${px} vs ${expected(w)}`);
  });
  // The digit shown and what the model says of it.
  const probs = s.activations.at(-1);
  const best = probs.indexOf(Math.max(...probs));
  const classes = await page.evaluate(() => window.kindling.app.summary.classes);
  assert.equal(await page.getAttribute('[data-testid=cnn-view]', 'data-predicted'), classes[best]);
  assert.equal(await page.textContent('#cnn-digit'),
    `A test digit, a ${classes[s.predictions.actual[0]]}: the model says ${classes[best]} (${Math.round(100 * probs[best])}%)`);
  const captions = await page.$$eval('[data-testid=cnn-view] figure p', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(captions.slice(1), ['The 8 learned 3×3 filters of conv2d', 'What each filter answers on this digit (feature maps, 6×6)', 'After max_pool2d (3×3)']);
  await shot(page, 'inside-cnn');
  assert.deepEqual(page.problems, []);
  await page.close();
});
