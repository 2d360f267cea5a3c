// What each wasm package exports (scripts/build.sh builds them from one crate with cargo features;
// docs/BENCHMARKS.md, "Two packages"): pkg/ has everything the workers and the page's diagnosis
// call and no chart; pkg-chart/ has the charts and nothing that trains.
// Run: node --test tests/node/ (after `bash scripts/build.sh`)
import { test } from 'node:test';
import assert from 'node:assert/strict';

const exportsOf = async (pkg) => Object.keys(await import(`../../${pkg}/kindling.js`)).filter((k) => k !== 'default' && k !== 'initSync').sort();
const CHARTS = ['drawBarChart', 'drawBoundaryChart', 'drawConfusionChart', 'drawForecastChart', 'drawLossChart', 'drawMapChart', 'drawPredictionChart'];

test('pkg/ (the workers\') exports all but the charts', async () => {
  const names = await exportsOf('pkg');
  for (const name of ['WasmSession', 'WasmSearch', 'layerTypes', 'maxClasses', 'lastPanic', 'diagnoseRun', 'defaultSearch', 'applySettings']) {
    assert.ok(names.includes(name), `pkg/ exports ${name}: ${names}`);
  }
  assert.deepEqual(names.filter((n) => CHARTS.includes(n)), []);
});

test('pkg-chart/ (the page\'s charts) exports the charts and the panic message only', async () => {
  assert.deepEqual(await exportsOf('pkg-chart'), [...CHARTS, 'lastPanic'].sort());
});

test('pkg-export/ (the page\'s model export, loaded on demand) exports exportModel and the panic message only', async () => {
  assert.deepEqual(await exportsOf('pkg-export'), ['exportModel', 'lastPanic']);
});

test('pkg-lab/ (recommendation, compression, explanation; loaded on demand) has the workers\' exports and its own, no chart', async () => {
  const names = await exportsOf('pkg-lab');
  for (const name of ['WasmSession', 'WasmRecommender', 'layerTypes', 'lastPanic']) {
    assert.ok(names.includes(name), `pkg-lab/ exports ${name}: ${names}`);
  }
  const { WasmSession } = await import('../../pkg-lab/kindling.js');
  for (const method of ['compressReport', 'explain', 'importance', 'explainInput']) assert.equal(typeof WasmSession.prototype[method], 'function', method);
  const plain = await import('../../pkg/kindling.js');
  assert.equal(plain.WasmSession.prototype.compressReport, undefined, 'pkg/ trains without the compression exports');
  assert.deepEqual(names.filter((n) => CHARTS.includes(n)), []);
  assert.ok(!(await exportsOf('pkg')).includes('WasmRecommender'), 'pkg/ (the playground\'s) stays without the lab');
});
