// Fetches the war map (GET /api/progress/map) while the war map or the timeline is on, again when
// progress is written in the item panel, and hands the canvas its nodes' data, worked out once per
// answer, filters and plan drawing.
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProgressMap } from '../../../contract/api/progress-map.ts';
import type { ApiClient } from '../api/client.ts';
import { ProgressChangeEvent } from '../progress/events.ts';
import { edgesAt, isAssignment, type PlanIndex } from '../graph/plan-index.ts';
import type { ViewState } from '../state/view.ts';
import { warNodeData, type WarNodeData } from './war-map.ts';

export interface WarMapSources {
  api: () => ApiClient;
  view: () => ViewState;
  /** The plan drawn (the address's, else the first loaded). */
  plan: () => string | null;
}

export class WarMapController implements ReactiveController {
  readonly #sources: WarMapSources;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onProgress = (): void => {
    const view = this.#sources.view();
    if (view.warmap || view.timeline) this.refresh();
  };
  #nodeData: {
    map: ProgressMap;
    filters: ViewState['warFilters'];
    index: PlanIndex;
    data: Map<string, WarNodeData>;
  } | null = null;

  readonly task: Task<readonly [boolean, string | null], ProgressMap | null>;

  constructor(host: ReactiveControllerHost & HTMLElement, sources: WarMapSources) {
    this.#sources = sources;
    this.#host = host;
    host.addController(this);
    this.task = new Task(host, {
      args: () => {
        const view = sources.view();
        return [view.warmap || view.timeline, sources.plan()] as const;
      },
      task: ([on, plan], { signal }) =>
        on && plan !== null ? sources.api().progressMap(plan, signal) : Promise.resolve(null),
    });
  }

  hostConnected(): void {
    this.#host.addEventListener(ProgressChangeEvent.eventName, this.#onProgress);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener(ProgressChangeEvent.eventName, this.#onProgress);
  }

  /** The answer for the plan drawn, while the war map or the timeline is on. */
  get map(): ProgressMap | null {
    const view = this.#sources.view();
    const map = this.task.value ?? null;
    return (view.warmap || view.timeline) && map?.plan === this.#sources.plan() ? map : null;
  }

  /** The canvas's war-map data; the same object while nothing it depends on changed. */
  nodeData(index: PlanIndex | null): ReadonlyMap<string, WarNodeData> | null {
    const view = this.#sources.view();
    const map = this.map;
    if (!view.warmap || map === null || index === null) return null;
    const kept = this.#nodeData;
    if (kept?.map === map && kept.filters === view.warFilters && kept.index === index) {
      return kept.data;
    }
    const itemsOf = (unitId: string) =>
      edgesAt(index, unitId)
        .filter((edge) => isAssignment(edge) && edge.source === unitId)
        .map((edge) => edge.target);
    const data = warNodeData(map, view.warFilters, itemsOf);
    this.#nodeData = { map, filters: view.warFilters, index, data };
    return data;
  }

  /** Reads the map again (the clock or the records moved on). */
  refresh(): void {
    void this.task.run();
  }
}
