// @ts-check
// Step mode ("Guide me"): walks the flowchart's nodes in order with a short text per step and the
// next control to touch highlighted. A step whose action has not happened yet says what to do and
// holds Next until it has. Lessons may load their own experiment and propose a search; lesson 1
// also shows θ and the loss after every gradient-descent step, and the points with the line.
import { LESSONS } from './lessons.js';
import { digitsFigure } from './lesson_digits.js';
import { lineFigure } from './lesson_line.js';
import { tweakBox } from './lesson_tweak.js';

import { openSource } from './panels/preprocess.js';
import { say } from './i18n.js';
import { $, el } from './ui.js';

/** @import {App} from './app.js' */
/** @import {Flowchart} from './flowchart.js' */
/** @import {Lesson, Step} from './lessons.js' */

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
    this.thetaBox = el('div', { className: 'theta-box' }, this.theta);
    this.line = lineFigure(app);
    this.digits = digitsFigure(app);
    this.tweak = tweakBox(app);
    this.todo = el('p', { className: 'guide-todo', dataset: { testid: 'guide-todo' }, ariaLive: 'polite' });
    /** @type {HTMLButtonElement | null} */
    this.next = null;
    app.on('configured', () => this.lesson?.showTheta && this.resetTheta());
    app.on('snapshot', () => this.lesson?.showTheta && this.addTheta());
    app.on('scrub', () => this.lesson?.showTheta && this.markTheta());
    app.on('summary', () => this.render());
    // What a step waits for happens elsewhere: look again after each of those events.
    for (const type of /** @type {const} */ (['configured', 'state', 'epoch', 'evaluation', 'decided', 'did', 'experiment'])) {
      app.on(type, () => this.refresh());
    }
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
    this.app.proposeSearch(null);
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

  /** @param {Step} step @returns {boolean} whether the step's action has happened */
  happened(step) {
    const needs = step.needs;
    if (!needs) return true;
    return typeof needs === 'function' ? needs(this.app) : this.flow.done.has(needs);
  }

  /**
   * Moves `delta` steps; forward only past a step whose action happened (`force`: regardless —
   * for scripts that read every step's text, e.g. the language sweep).
   * @param {number} delta
   * @param {boolean} [force]
   */
  go(delta, force = false) {
    if (!this.lesson) return;
    if (delta > 0 && !force && !this.happened(this.lesson.steps[this.index])) return this.refresh();
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

  /**
   * Highlights `step`'s control; a lazily mounted panel puts its controls in place later (its
   * module is imported on first open, slowly on a busy machine), so look again every 100 ms, for
   * up to 10 s, while the step is open.
   * @param {Step} step
   */
  retarget(step, tries = 100) {
    this.mark(step.target);
    if (this.highlighted || !step.target || tries <= 0) return;
    setTimeout(() => this.lesson?.steps[this.index] === step && this.retarget(step, tries - 1), 100);
  }

  render() {
    if (!this.lesson) return;
    const steps = this.lesson.steps;
    const step = steps[this.index];
    if (step.search) this.app.proposeSearch(step.search);
    this.tweak.show(step.tweak ?? null);
    this.app.navigate(step.node);
    this.flow.highlight(step.node);
    this.retarget(step);
    const back = el('button', { type: 'button', disabled: this.index === 0, dataset: { testid: 'guide-back' }, t: 'guide.back' });
    const last = this.index === steps.length - 1;
    const next = el('button', { type: 'button', className: 'primary', dataset: { testid: 'guide-next' }, t: last ? 'guide.finish' : 'guide.next' });
    this.next = next;
    back.addEventListener('click', () => this.go(-1));
    next.addEventListener('click', () => (last ? this.happened(step) && this.menu() : this.go(1)));
    const where = { title: { key: this.lesson.title }, step: this.index + 1, steps: steps.length, node: { key: `node.${step.node}` } };
    this.body.replaceChildren(
      el('p', { className: 'note', dataset: { testid: 'guide-step' }, t: ['guide.where', where] }),
      el('p', { className: 'guide-text', dataset: { testid: 'guide-text' }, t: [step.text, step.params?.(this.app)] }),
      step.figure === 'line' ? this.line.el : '',
      step.figure === 'digits' ? this.digits.el : '',
      this.lesson.showTheta ? this.thetaBox : '',
      step.tweak ? this.tweak.el : '',
      this.todo,
      el('div', { className: 'buttons' }, back, next));
    if (step.figure === 'line') this.line.draw();
    if (step.figure === 'digits') this.digits.draw();
    this.refresh();
  }

  /** Says what the open step still waits for, and lets Next go on once it has happened. */
  refresh() {
    if (!this.lesson || !this.next) return;
    const step = this.lesson.steps[this.index];
    const ok = this.happened(step);
    this.next.disabled = !ok;
    // Once done, the line keeps its place, unseen (style.css), so nothing below it jumps — the
    // drawing pad under a finger, say.
    this.todo.dataset.done = String(ok);
    say(this.todo, step.todo ? 'guide.todo' : null, { action: { key: step.todo ?? '' } });
    this.todo.hidden = !step.todo;
  }

  resetTheta() {
    this.theta.replaceChildren(el('caption', { t: 'guide.thetaCaption' }),
      el('tr', {}, el('th', { scope: 'col', t: 'guide.thetaStep' }), el('th', { scope: 'col' }, 'θ'),
        el('th', { scope: 'col', t: 'guide.thetaLoss' })));
  }

  /**
   * Adds a row per GD step the worker's snapshots (www/watch.js: every epoch for this lesson's 40)
   * have shown and the table has not; a click on a row shows that step (the scrubber's epoch).
   */
  addTheta() {
    for (const s of this.app.snapshots) {
      const step = s.epoch;
      if (!s.weights || this.theta.querySelector(`tr[data-step="${step}"]`)) continue;
      const theta = s.weights[0][0];
      const loss = step === 0 ? '—' : this.app.history[step - 1]?.loss.toPrecision(4) ?? '—';
      const row = el('tr', { dataset: { step: String(step), theta: String(theta), loss: String(loss) } },
        el('td', {}, String(step)), el('td', {}, theta.toFixed(4)), el('td', {}, loss));
      row.addEventListener('click', () => this.app.scrub(step));
      this.theta.append(row);
      if (this.app.viewing === null) this.thetaBox.scrollTop = this.thetaBox.scrollHeight;
    }
    this.markTheta();
  }

  /** Highlights the row of the step the views show. */
  markTheta() {
    const rows = [...this.theta.querySelectorAll('tr[data-step]')];
    const at = this.app.viewing ?? Number(rows.at(-1)?.getAttribute('data-step') ?? -1);
    for (const r of rows) r.classList.toggle('shown', Number(r.getAttribute('data-step')) === at);
  }
}
