import { settings } from "./conf";

export function poll(done: () => void): void {
  setTimeout(done, settings.poll);
}
