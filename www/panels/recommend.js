// @ts-check
// A recommendation task's parts of the Model build, Evaluation and Application panels
// (www/panels/recommend_*.js), mounted after each panel's own: each shows only while the
// experiment's task is `recommendation` (and then hides the panel's usual controls where they do
// not apply).
import { mount as build } from './recommend_build.js';
import { mount as evaluate } from './recommend_eval.js';
import { mount as apply } from './recommend_apply.js';

/** @import {App} from '../app.js' */
/** @import {NodeId} from '../types.js' */

/** @type {Partial<Record<NodeId, (body: HTMLElement, app: App) => void>>} */
export const RECOMMEND_PARTS = { build, evaluate, apply };
