/**
 * Vega-Lite compile and vega.parse once per chart layout, not per render. A spec is split into its shape
 * (marks, encodings, sizes) and its inputs: inline data values, view titles, scale domains and axis tick
 * values, which are what changes between two charts of one kind. Inputs become named datasets and top-level
 * params; the shape, with them taken out, is the cache key.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { LruCache } from './cache.ts';

type Json = Record<string, unknown>;

export interface SpecInputs {
  datasets: Map<string, unknown[]>;
  signals: Map<string, unknown>;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const VIEW_KEYS = ['vconcat', 'hconcat', 'concat', 'layer', 'mark'];

/** Splits `spec` in place (pass a copy) into shape and inputs. */
function lift(spec: unknown, inputs: SpecInputs): void {
  const param = (value: unknown) => {
    const name = `input_${inputs.signals.size}`;
    inputs.signals.set(name, value);
    return name;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    const data = node.data;
    if (isRecord(data) && Array.isArray(data.values)) {
      const name = `rows_${inputs.datasets.size}`;
      inputs.datasets.set(name, data.values);
      node.data = { name };
    }
    const title = node.title;
    if (VIEW_KEYS.some((k) => k in node) && (typeof title === 'string' || isRecord(title))) {
      const params: Json = isRecord(title) ? { ...title } : { text: title };
      if (typeof params.text === 'string' || Array.isArray(params.text)) params.text = { expr: param(params.text) };
      // Vega takes a signal for the subtitle; Vega-Lite passes it through.
      if (params.subtitle !== undefined) params.subtitle = { signal: param(params.subtitle) };
      node.title = params;
    }
    if (isRecord(node.scale) && Array.isArray(node.scale.domain)) node.scale = { ...node.scale, domain: { expr: param(node.scale.domain) } };
    if (isRecord(node.axis) && Array.isArray(node.axis.values)) node.axis = { ...node.axis, values: { expr: param(node.axis.values) } };
    for (const [key, value] of Object.entries(node)) if (key !== 'data') visit(value);
  };
  visit(spec);
}

export interface Layout {
  key: string;
  spec: TopLevelSpec;
  inputs: SpecInputs;
}

/** The spec's layout: its shape with top-level params standing for the lifted inputs, and those inputs. */
export function layoutOf(spec: TopLevelSpec): Layout {
  const shape = structuredClone(spec);
  const inputs: SpecInputs = { datasets: new Map(), signals: new Map() };
  lift(shape, inputs);
  const params = [...inputs.signals.keys()].map((name) => ({ name, value: null }));
  const key = JSON.stringify({ ...shape, params });
  return { key, spec: { ...shape, params: [...(shape.params ?? []), ...params] }, inputs };
}

/** Parsed Vega runtimes by layout key; a chart service draws a handful of layouts. */
export class RuntimeCache {
  private readonly runtimes: LruCache<vega.Runtime>;
  compiles = 0;

  constructor(max = 32) {
    this.runtimes = new LruCache(max);
  }

  runtime(layout: Layout, compile: (spec: TopLevelSpec) => vega.Spec): vega.Runtime {
    let runtime = this.runtimes.get(layout.key);
    if (!runtime) {
      this.compiles++;
      runtime = vega.parse(compile(layout.spec));
      this.runtimes.set(layout.key, runtime);
    }
    return runtime;
  }
}

/** A view of `runtime` holding `inputs`, ready to run. */
export function viewOf(runtime: vega.Runtime, inputs: SpecInputs): vega.View {
  const view = new vega.View(runtime, { renderer: 'none' });
  for (const [name, value] of inputs.signals) view.signal(name, value);
  for (const [name, values] of inputs.datasets) view.data(name, values);
  return view;
}
