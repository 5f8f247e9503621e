// What `chat COMMAND --help` says about each command besides its flags: how it is typed, what
// it does, and examples. The flags come from the flag table (usage-text.ts).

import {DEFAULT_PORT} from '../protocol/limits.js';
import type {Command, HelpSection} from './flag-kinds.js';

type CommandHelp = {
	/** `$ chat …` and what it does, for the Usage block. */
	usage: string;
	/** Said under the usage in the command's own help. */
	notes: readonly string[];
	examples: readonly string[];
};

export const COMMAND_HELP: Readonly<Record<Command, CommandHelp>> = {
	host: {
		usage: '$ chat host [options]             run the relay others join',
		notes: [
			'It listens on every interface, IPv6 and IPv4, and prints the chat join',
			'commands that reach it. The banner goes to stdout; the log (logins, logouts,',
			'refusals; never message text) to stderr, stamped with local time and UTC offset.',
		],
		examples: [
			'$ chat host',
			'$ chat host --port 4000 --bind 0.0.0.0      (IPv4 only)',
			'$ chat host > banner.txt 2>> host.log',
			`$ nc 192.168.1.7 ${DEFAULT_PORT}        (netcat works too: type your name first)`,
		],
	},
	join: {
		usage: `$ chat join NAME@HOST[:PORT]      chat as NAME through the relay at HOST (port ${DEFAULT_PORT})`,
		notes: [
			'NAME alone (no @HOST) joins the host on this machine, localhost. chat join with',
			'nothing after it, in a terminal, asks for your name and the host, remembering',
			'the last ones. With stdin not a terminal it reads lines as netcat would.',
		],
		examples: [
			'$ chat join alice                   (the host on this machine)',
			'$ chat join alice@192.168.1.7',
			'$ chat join alice@[fd00::2]:4000',
			'$ chat join',
		],
	},
	log: {
		usage: "$ chat log NAME@HOST[:PORT] [PARTNER]  print the history kept of NAME's chats there",
		notes: [
			'With PARTNER it prints that conversation, one message per line, for grep and',
			'less; without, the list of conversations with their message counts and last times.',
		],
		examples: [
			'$ chat log alice@192.168.1.7 bob | grep -i lunch',
			'$ chat log alice@192.168.1.7',
			'$ chat log alice@192.168.1.7 bob --json',
		],
	},
	names: {
		usage: '$ chat names [release NAME]        list the names owned on this host, or free one',
		notes: [
			'It reads the store of the host that runs with the same --data, or with --redis the',
			"names of that cluster; a released name is anyone's again, and the messages waiting",
			'for it go too.',
		],
		examples: [
			'$ chat names',
			'$ chat names release bob',
			'$ chat names --data /srv/chat',
			'$ chat names --redis redis://127.0.0.1:6379',
		],
	},
};

/** The title of each block of flags. */
export const SECTION_TITLES: Readonly<Record<HelpSection, string>> = {
	limits: 'Host options',
	access: 'Who gets in (chat host)',
	cluster: 'Several hosts, one chat (chat host, docs/cluster.md)',
	join: 'Join options',
	log: 'Log options',
	names: 'Names options',
	general: '',
};
