// @ts-check
// Step mode ("Guide me"): walks the flowchart's nodes in order with a short text per step and the
// next control to touch highlighted. Lessons may load their own experiment; lesson 1 also shows
// θ, b and the loss after every gradient-descent step.
import { LESSONS } from './lessons.js';

import { openSource } from './panels/preprocess.js';
import { $, el } from './ui.js';

/** @import {App} from './app.js' */
/** @import {Flowchart} from './flowchart.js' */
/** @import {Lesson} from './lessons.js' */

export class Guide {
  /**
   * @param {App} app
   * @param {Flowchart} flow
   */
  constructor(app, flow) {
    this.app = app;
    this.flow = flow;
    /** @type {Lesson | null} */
    this.lesson = null;
    this.index = 0;
    /** @type {Element | null} */
    this.highlighted = null;
    this.root = $('#guide');
    this.body = $('#guide-body');
    this.theta = el('table', { className: 'grid', id: 'theta-table', dataset: { testid: 'theta-table' } });
    app.on('configured', () => this.lesson?.showTheta && this.resetTheta());
    app.on('epoch', () => this.lesson?.showTheta && app.send({ type: 'weights' }));
    app.on('weights', (msg) => this.lesson?.showTheta && this.addTheta(msg));
    app.on('summary', () => this.render());
  }

  toggle() {
    const open = this.root.hidden;
    this.root.hidden = !open;
    $('#guide-toggle').setAttribute('aria-pressed', String(open));
    if (open) this.menu();
    else this.stop();
  }

  /** The lesson picker. */
  menu() {
    this.stop();
    this.root.hidden = false;
    const buttons = Object.entries(LESSONS).map(([id, l]) => {
      const b = el('button', { type: 'button', dataset: { testid: `lesson-${id}` }, t: l.title });
      b.addEventListener('click', () => this.start(id));
      return b;
    });
    this.body.replaceChildren(el('p', { t: 'guide.pick' }),
      el('div', { className: 'buttons' }, ...buttons));
    buttons[0].focus();
  }

  /** @param {string} id a key of LESSONS */
  start(id) {
    this.lesson = LESSONS[id];
    this.index = 0;
    if (this.lesson.experiment) {
      this.app.openExperiment(this.lesson.experiment());
      openSource(this.app);
    }
    this.render();
  }

  stop() {
    this.lesson = null;
    this.mark(null);
    this.flow.highlight(null);
  }

  /** @param {number} delta */
  go(delta) {
    if (!this.lesson) return;
    this.index = Math.max(0, Math.min(this.lesson.steps.length - 1, this.index + delta));
    this.render();
  }

  /** @param {string | null} target a selector */
  mark(target) {
    this.highlighted?.classList.remove('guide-target');
    this.highlighted = target ? document.querySelector(target) : null;
    this.highlighted?.classList.add('guide-target');
    this.highlighted?.scrollIntoView?.({ block: 'nearest' });
  }

  render() {
    if (!this.lesson) return;
    const steps = this.lesson.steps;
    const step = steps[this.index];
    this.app.navigate(step.node);
    this.flow.highlight(step.node);
    this.mark(step.target);
    const back = el('button', { type: 'button', disabled: this.index === 0, dataset: { testid: 'guide-back' }, t: 'guide.back' });
    const last = this.index === steps.length - 1;
    const next = el('button', { type: 'button', className: 'primary', dataset: { testid: 'guide-next' }, t: last ? 'guide.finish' : 'guide.next' });
    back.addEventListener('click', () => this.go(-1));
    next.addEventListener('click', () => (last ? this.menu() : this.go(1)));
    const where = { title: { key: this.lesson.title }, step: this.index + 1, steps: steps.length, node: { key: `node.${step.node}` } };
    this.body.replaceChildren(
      el('p', { className: 'note', dataset: { testid: 'guide-step' }, t: ['guide.where', where] }),
      el('p', { className: 'guide-text', dataset: { testid: 'guide-text' }, t: [step.text, step.params?.(this.app)] }),
      this.lesson.showTheta ? this.theta : '',
      el('div', { className: 'buttons' }, back, next));
  }

  resetTheta() {
    this.theta.replaceChildren(el('caption', { t: 'guide.thetaCaption' }),
      el('tr', {}, el('th', { scope: 'col', t: 'guide.thetaStep' }), el('th', { scope: 'col' }, 'θ'), el('th', { scope: 'col' }, 'b'),
        el('th', { scope: 'col', t: 'guide.thetaLoss' })));
    this.app.send({ type: 'weights' });
  }

  /**
   * Adds the row for `epoch` (a GD step) unless it is there already.
   * @param {{weights: number[][], epoch: number}} msg
   */
  addTheta({ weights: [kernel, bias], epoch: step }) {
    if (this.theta.querySelector(`tr[data-step="${step}"]`)) return;
    const loss = step === 0 ? '—' : this.app.history[step - 1]?.loss.toPrecision(4) ?? '—';
    this.theta.append(el('tr', { dataset: { step: String(step), theta: String(kernel[0]), loss: String(loss) } },
      el('td', {}, String(step)), el('td', {}, kernel[0].toFixed(4)), el('td', {}, bias[0].toFixed(4)), el('td', {}, loss)));
  }
}
