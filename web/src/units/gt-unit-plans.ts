// A unit's figures over every plan that names it, in its panel (issue 15): a bureau answers to
// many notices at once, and its load is only real counted across them. One row per plan (the
// plan's own unit-load figures, the heaviest first), then the total, which is the unit's row in
// the portfolio-load ranking. A plan's name switches the explorer to that plan, the unit still
// chosen (a unit is one node across plans).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { planShortTitle } from '../../../contract/short-title.ts';
import type { UnitPlanShare } from '../../../contract/api/units.ts';
import { PlanChooseEvent } from '../components/events.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { unitPlansWord } from '../i18n/features/unit-plans.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { leadCountText } from '../i18n/words.ts';

function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The sums over plans: what portfolio-load gives the unit. */
export function planTotals(shares: readonly UnitPlanShare[]) {
  const total = { itemsLed: 0, inferredLeads: 0, itemsSupported: 0, load: 0 };
  for (const share of shares) {
    total.itemsLed += share.itemsLed;
    total.inferredLeads += share.inferredLeads;
    total.itemsSupported += share.itemsSupported;
    total.load += share.load;
  }
  return total;
}

@customElement('gt-unit-plans')
export class GtUnitPlans extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.8rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.2rem 0.3rem;
        border-bottom: 1px solid var(--gt-line-soft);
        text-align: right;
        white-space: nowrap;
      }
      th:first-child,
      td:first-child {
        text-align: left;
        white-space: normal;
      }
      thead th {
        color: var(--gt-muted);
        font-weight: 500;
      }
      tr[aria-current='true'] td:first-child {
        font-weight: 600;
      }
      tfoot td {
        font-weight: 600;
        border-bottom: none;
      }
      .date {
        color: var(--gt-muted);
        font-size: 0.72rem;
      }
      .hint {
        margin: 0 0 0.4rem;
        font-size: 0.75rem;
        color: var(--gt-muted);
        line-height: 1.5;
      }
    `,
  ];

  @property({ attribute: false }) shares: readonly UnitPlanShare[] = [];
  @property() unitId = '';
  /** The plan the explorer shows. */
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    const { shares } = this;
    if (shares.length < 2) return nothing;
    const lang = this.language;
    const total = planTotals(shares);
    const cells = (row: {
      itemsLed: number;
      inferredLeads: number;
      itemsSupported: number;
      load: number;
    }) =>
      html`<td data-figure="leads">${leadCountText(lang, row.itemsLed, row.inferredLeads)}</td>
        <td data-figure="supports">${figure(row.itemsSupported)}</td>
        <td data-figure="load">${figure(row.load)}</td>`;
    return html`<h3>${unitPlansWord(lang, 'unitPlansTitle')}</h3>
      <p class="hint">${unitPlansWord(lang, 'unitPlansHint', { count: shares.length })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${unitPlansWord(lang, 'unitPlansPlan')}</th>
            <th scope="col">${msg(lang, 'leads')}</th>
            <th scope="col">${msg(lang, 'supports')}</th>
            <th scope="col">${msg(lang, 'load')}</th>
          </tr>
        </thead>
        <tbody>
          ${shares.map((share) => {
            const current = share.plan.id === this.plan;
            const name = planShortTitle(share.plan);
            return html`<tr data-plan=${share.plan.id} aria-current=${current ? 'true' : 'false'}>
              <td>
                ${
                  current
                    ? html`${name}
                        <span class="date">· ${unitPlansWord(lang, 'unitPlansShown')}</span>`
                    : html`<button
                        class="link"
                        title=${unitPlansWord(lang, 'unitPlansOpen')}
                        @click=${() =>
                          this.dispatchEvent(new PlanChooseEvent(share.plan.id, this.unitId))}
                      >
                        ${name}
                      </button>`
                }
                ${
                  share.plan.date === null
                    ? nothing
                    : html`<span class="date">${share.plan.date}</span>`
                }
              </td>
              ${cells(share)}
            </tr>`;
          })}
        </tbody>
        <tfoot>
          <tr data-total>
            <td>${unitPlansWord(lang, 'unitPlansTotal', { count: shares.length })}</td>
            ${cells(total)}
          </tr>
        </tfoot>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-unit-plans': GtUnitPlans;
  }
}
