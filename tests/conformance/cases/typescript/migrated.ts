import { settings } from "./settings";

export function poll(done: () => void): void {
  setTimeout(done, settings.poll);
}
