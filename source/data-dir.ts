// Where the client keeps what it writes for its user (the local history, issue 11):
// $XDG_DATA_HOME/chat, or ~/.local/share/chat. The sibling of config-dir.ts and state-dir.ts.

import os from 'node:os';
import path from 'node:path';

export function chatDataDir(
	env: NodeJS.ProcessEnv = process.env,
	home: string = os.homedir(),
): string {
	// The XDG spec has a relative path in the variable ignored, so a typo cannot scatter history.
	const configured = env['XDG_DATA_HOME'];
	const base =
		configured && path.isAbsolute(configured) ? configured : path.join(home, '.local', 'share');
	return path.join(base, 'chat');
}
