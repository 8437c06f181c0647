export const broken = ;

export function poll(done) {
  setTimeout(done, 5000);
}
