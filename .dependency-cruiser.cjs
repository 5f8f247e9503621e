// The import rules of docs/architecture.md, checked by `npm run lint` (so by `npm test`): the
// protocol is pure, the host never sees the client or the UI, the client never sees the UI, the
// UI sees the client only as types and never touches a socket, and nothing imports in a circle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			comment:
				'An import cycle, type-only imports included: one of the modules is in the wrong folder or needs a narrower type.',
			severity: 'error',
			from: {path: '^source/'},
			to: {circular: true},
		},
		{
			name: 'protocol-is-pure',
			comment:
				'source/protocol/ is shared by the host and the client and imports nothing else of the project.',
			severity: 'error',
			from: {path: '^source/protocol/'},
			to: {path: '^source/', pathNot: '^source/protocol/'},
		},
		{
			name: 'protocol-touches-nothing',
			comment: 'source/protocol/ is pure logic: no sockets, files or processes.',
			severity: 'error',
			from: {path: '^source/protocol/'},
			to: {
				dependencyTypes: ['core'],
				path: '^(node:)?(net|tls|dgram|fs|fs/promises|child_process|http|https)$',
			},
		},
		{
			name: 'host-sees-no-client-or-ui',
			comment: 'The host is the relay: it never imports client, join or UI code.',
			severity: 'error',
			from: {path: '^source/host/'},
			to: {path: '^source/(client|ui|join|cli)/'},
		},
		{
			name: 'client-sees-no-ui',
			comment:
				'Imports flow ui → client → protocol: the client never imports the UI (source/join/ wires the two).',
			severity: 'error',
			from: {path: '^source/client/'},
			to: {path: '^source/(ui|join|cli|host)/'},
		},
		{
			name: 'ui-sees-client-as-types-only',
			comment:
				'The UI talks to the ChatClient interface that a test can fake: it imports client code only as types (and the values of client/limits.ts, where every limit of chat join is listed).',
			severity: 'error',
			from: {path: '^source/ui/'},
			to: {
				path: '^source/client/',
				pathNot: '^source/client/limits[.]ts$',
				dependencyTypesNot: ['type-only'],
			},
		},
		{
			name: 'client-limits-are-values',
			comment:
				'client/limits.ts, which the UI may read, holds constants only: it imports nothing but the protocol limits it derives from.',
			severity: 'error',
			from: {path: '^source/client/limits[.]ts$'},
			to: {pathNot: '^source/protocol/limits[.]ts$'},
		},
		{
			name: 'history-is-client-side',
			comment:
				"source/history/ is the client's local history: it imports only the protocol, and the host never imports it.",
			severity: 'error',
			from: {path: '^source/history/'},
			to: {path: '^source/', pathNot: '^source/(history|protocol)/'},
		},
		{
			name: 'log-is-a-reader',
			comment:
				'source/log/ is `chat log`: it reads the history and never loads the host, the UI or join.',
			severity: 'error',
			from: {path: '^source/log/'},
			to: {path: '^source/(host|ui|join)/'},
		},
		{
			name: 'host-sees-no-history',
			severity: 'error',
			from: {path: '^source/host/'},
			to: {path: '^source/(history|log)/'},
		},
		{
			name: 'ui-sees-history-as-types-only',
			comment:
				'The UI is given the ChatHistory interface (a test fakes it): it never opens the file itself.',
			severity: 'error',
			from: {path: '^source/ui/'},
			to: {path: '^source/history/', dependencyTypesNot: ['type-only']},
		},
		{
			name: 'ui-sees-no-host-join-or-cli',
			severity: 'error',
			from: {path: '^source/ui/'},
			to: {path: '^source/(host|join|cli)/'},
		},
		{
			name: 'ui-touches-no-socket',
			comment: 'The UI never touches a socket: the client does.',
			severity: 'error',
			from: {path: '^source/ui/'},
			to: {dependencyTypes: ['core'], path: '^(node:)?(net|tls|dgram|http|https)$'},
		},
		{
			name: 'cluster-sees-relay-and-protocol-only',
			comment:
				'source/host/cluster/ is a sibling of the in-memory state: it implements the relay seam (relay/) on Redis and never reaches into connections, the login, the sessions or the store.',
			severity: 'error',
			from: {path: '^source/host/cluster/'},
			to: {path: '^source/', pathNot: '^source/(host/cluster|host/relay|protocol)/'},
		},
		{
			name: 'only-the-cluster-loads-redis',
			comment:
				'The Redis client is loaded by source/host/cluster/ alone, so a single host never loads it.',
			severity: 'error',
			from: {path: '^source/', pathNot: '^source/host/cluster/'},
			to: {path: 'node_modules/(redis|@redis)/'},
		},
		{
			name: 'join-sees-no-host',
			severity: 'error',
			from: {path: '^source/join/'},
			to: {path: '^source/(host|cli)/'},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {extensions: ['.ts', '.tsx', '.js']},
	},
};
