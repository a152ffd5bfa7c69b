// After a submission the page changes to the attempt's own address; the attempt page should then
// move focus to the score, but a later visit to the same address should not. The practice panel
// leaves a one-time mark in sessionStorage that the attempt's feedback view takes.
const KEY = "offset:just-submitted";

export function markJustSubmitted(attemptId: string) {
  try {
    sessionStorage.setItem(KEY, attemptId);
  } catch {
    // Storage can be unavailable (privacy modes); focus then simply stays where it was.
  }
}

export function takeJustSubmitted(attemptId: string): boolean {
  try {
    if (sessionStorage.getItem(KEY) !== attemptId) return false;
    sessionStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
