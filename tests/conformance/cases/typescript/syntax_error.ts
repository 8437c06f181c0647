export const broken = ;

export function poll(done: () => void): void {
  setTimeout(done, 5000);
}
