/** The hostile-input cases against the Node server over a socket, on a fresh PostgreSQL database. */
import { hostileSuite } from '../hostile/suite';
import { serverTarget } from './hostile-target';

hostileSuite(() => serverTarget('postgres'), { demo: false });
