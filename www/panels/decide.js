// Optimize? The diagnosis of the curves with its numbers and suggestions, then the choice:
// yes → Optimization, no → Deployment. The diagnosis itself lives in diagnosis.js (swappable).
import { el } from '../ui.js';
import { diagnose } from './diagnosis.js';

const TITLES = {
  none: 'Not trained yet', diverged: 'Diverged', overfitting: 'Over-fitting', underfitting: 'Under-fitting', fine: 'Looks fine',
};

export function mount(root, app) {
  const verdict = el('p', { className: 'verdict', dataset: { testid: 'diagnosis' }, ariaLive: 'polite' });
  const reason = el('p', { id: 'diagnosis-reason' });
  const suggestions = el('ul', { id: 'diagnosis-suggestions' });
  const yes = el('button', { type: 'button', className: 'primary', dataset: { testid: 'decide-yes' } }, '是 Yes — optimize it');
  const no = el('button', { type: 'button', dataset: { testid: 'decide-no' } }, '否 No — deploy it');
  yes.addEventListener('click', () => { app.emit('decided', 'optimize'); app.navigate('optimize'); });
  no.addEventListener('click', () => { app.emit('decided', 'deploy'); app.navigate('deploy'); });
  root.append(verdict, reason, suggestions, el('div', { className: 'buttons' }, yes, no));

  function render() {
    const d = diagnose(app.history);
    verdict.dataset.verdict = d.verdict;
    verdict.textContent = TITLES[d.verdict];
    reason.textContent = d.reason;
    suggestions.replaceChildren(...d.suggestions.map((s) => el('li', {}, s)));
    const recommended = d.verdict === 'fine' ? no : yes;
    yes.classList.toggle('primary', recommended === yes);
    no.classList.toggle('primary', recommended === no);
  }
  app.on('navigate', (id) => id === 'decide' && render());
  app.on('state', render);
  app.on('experiment', render);
  render();
}
