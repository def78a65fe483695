// Child process for the kill-mid-download test: fetches one URL into a cache folder.
import { ImageCache } from '../../core/cache/imageCache.js';

const [dir, url] = process.argv.slice(2);
const outcome = await new ImageCache(dir, { allowPrivateNetwork: true }).fetch(url);
process.stdout.write(JSON.stringify(outcome));
