/** A score difference to one decimal place, as the history pages show it. */
export function round1(value: number) {
  return Math.round(value * 10) / 10;
}
