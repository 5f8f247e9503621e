// Where chat keeps its own files (the host's self-signed certificate, the client's known hosts):
// $XDG_CONFIG_HOME/chat, or ~/.config/chat.

import os from 'node:os';
import path from 'node:path';

export function chatConfigDir(
	env: NodeJS.ProcessEnv = process.env,
	home: string = os.homedir(),
): string {
	const base = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
	return path.join(base, 'chat');
}
