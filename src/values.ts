/** Value types shared by the data layer (src/market/) and the pure math (src/analytics/), which imports nothing from the data layer. */

/** One daily close. */
export interface Bar {
  /** Trading date in exchange local time, YYYY-MM-DD. */
  date: string;
  close: number;
}
