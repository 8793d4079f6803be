/** The hostile-input cases against the Node server over a socket, on a fresh SQLite file. */
import { hostileSuite } from '../hostile/suite';
import { serverTarget } from './hostile-target';

hostileSuite(() => serverTarget('sqlite'), { demo: false });
