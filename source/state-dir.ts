// Where the host keeps what it must not lose (name owners, stored messages; issue 9):
// $XDG_STATE_HOME/chat, or ~/.local/state/chat. The sibling of config-dir.ts.

import os from 'node:os';
import path from 'node:path';

export function chatStateDir(
	env: NodeJS.ProcessEnv = process.env,
	home: string = os.homedir(),
): string {
	// The XDG spec has a relative path in the variable ignored, so a typo cannot scatter stores.
	const configured = env['XDG_STATE_HOME'];
	const base =
		configured && path.isAbsolute(configured) ? configured : path.join(home, '.local', 'state');
	return path.join(base, 'chat');
}
