// The child host that host-offline-restart.test.ts kills with SIGKILL: a chat host on the store
// in argv[2] with the names in argv[3…] owned (bound directly to their test owner's key,
// keyed-client.ts ownerKey), printing its port as one line once it listens.

import fs from 'node:fs';
import {startHost} from '../../source/host/start-host.js';
import {openDurableStore} from '../../source/host/store/durable-store.js';
import {ownersWithNamesBound} from './owned-names.js';

/** A bound on the child's life, should the test never kill it. */
const MAX_RUN_MS = 60_000;

const [dir = '', ...owned] = process.argv.slice(2);
const store = openDurableStore({dir});
const owners = await ownersWithNamesBound(store, owned);

const host = await startHost({port: 0, bind: '127.0.0.1', store, owners, rate: 0});
// At once, not queued in process.stdout: the parent reads it before it kills.
fs.writeSync(1, `${host.port}\n`);
setTimeout(() => process.exit(0), MAX_RUN_MS).unref();
